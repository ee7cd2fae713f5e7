"""The geographic levels of the atlas, as data: one row per level, every fact about it stated here.

A level is a way of cutting metropolitan France into units the map colours: the 13 regions of
2016, the 22 regions that existed until 2015 and the 96 départements. Code that depends on the
level reads its row (:data:`LEVELS`) instead of testing its id, so a new level is one more row,
not a new ``if`` in every module. :func:`check_level` is the one check that a string
names a level, and :class:`UnknownLevelError` the one error when it does not.
"""

from dataclasses import dataclass

from i18n import DEFAULT_LANG, t


@dataclass(frozen=True)
class Level:
    """One geographic level and the names it goes by in files, tables and sentences.

    Attributes
    ----------
    id : str
        The level as written in URLs, data files and the command line (``"2016"``).
    noun : str
        French noun of one unit (``"région"``), for sentences such as "une région du niveau…".
    plural : str
        French plural naming the units of this level (``"régions 2016"``).
    a_unit, of_unit : str
        The noun with its article, for sentences: ``"une région"``, ``"de la région"``.
    n_units : int
        Number of units in metropolitan France (the shipped contours have exactly this many).
    layer_file : str
        Shapefile stem in ``data/shapes/`` holding the level's polygons (columns ``code``,
        ``nom``).
    shapes_code : str
        Column holding this level's code in the shapes layers of the levels nested in it (the
        Shapefile format limits names to 10 characters, hence ``code_pre16``).
    mapping_code, mapping_name : str
        Columns of the unit table (:func:`geo.region_mapping.load_units`: one row per
        département with the code and name of its unit at every level) holding the code and
        the name of a unit of this level.
    nests_in : tuple of str
        Ids of the coarser levels whose units each contain whole units of this level.
    of_departements : bool
        Whether a unit is made of several départements (its profile counts them).
    core_column : str
        Column of the indicator catalogue (``data/indicators/catalogue.csv``, boolean) naming
        the indicators that enter the fragility indices at this level; its reason is in
        ``<core_column>_reason`` (``core_reason``). The two region levels share one core set
        (2016 values are consolidated from the former regions'); the départements have theirs.
    """

    id: str
    noun: str
    plural: str
    a_unit: str
    of_unit: str
    n_units: int
    layer_file: str
    shapes_code: str
    mapping_code: str
    mapping_name: str
    nests_in: tuple[str, ...] = ()
    of_departements: bool = True
    core_column: str = "core"

    @property
    def core_reason_column(self) -> str:
        """Catalogue column giving why each core indicator of this level was chosen."""
        return f"{self.core_column}_reason"

    @property
    def proxy_note_column(self) -> str:
        """Column of ``data/indicators/domains.csv`` saying what a domain's core set stands in
        for at this level, where it rests on proxies (``proxy_note``, ``proxy_note_departement``).
        """
        return self.core_column.replace("core", "proxy_note", 1)

    @property
    def label(self) -> str:
        """The label of the level selector: ``"Régions 2016 (13)"``."""
        return f"{self.plural[:1].upper()}{self.plural[1:]} ({self.n_units})"

    def label_in(self, lang: str = DEFAULT_LANG) -> str:
        """:attr:`label` in ``lang`` (``"2016 regions (13)"``), from the ``level.<id>.plural``
        text of the :mod:`i18n` catalogue (whose French is :attr:`plural`, tests/test_i18n.py)."""
        plural = t(f"level.{self.id}.plural", lang)
        return t("level.label", lang, plural=plural[:1].upper() + plural[1:], n=self.n_units)

    def noun_in(self, lang: str = DEFAULT_LANG) -> str:
        """:attr:`noun` in ``lang`` (``"region"``): the label of the unit selector."""
        return t(f"level.{self.id}.noun", lang)

    def a_unit_in(self, lang: str = DEFAULT_LANG) -> str:
        """:attr:`a_unit` in ``lang`` (``"a département"``)."""
        return t(f"level.{self.id}.a_unit", lang)

    def of_unit_in(self, lang: str = DEFAULT_LANG) -> str:
        """:attr:`of_unit` in ``lang`` (``"of the département"``)."""
        return t(f"level.{self.id}.of_unit", lang)


#: The levels users can choose, in the order of the selector (the first one is the default).
LEVELS: dict[str, Level] = {
    level.id: level
    for level in (
        Level(
            id="2016",
            noun="région",
            plural="régions 2016",
            a_unit="une région",
            of_unit="de la région",
            n_units=13,
            layer_file="regions_2016",
            shapes_code="code_2016",
            mapping_code="code_2016",
            mapping_name="nom_2016",
        ),
        Level(
            id="pre2016",
            noun="région",
            plural="anciennes régions",
            a_unit="une ancienne région",
            of_unit="de l'ancienne région",
            n_units=22,
            layer_file="regions_pre2016",
            shapes_code="code_pre16",
            mapping_code="code_pre2016",
            mapping_name="nom_pre2016",
            nests_in=("2016",),
        ),
        Level(
            id="departement",
            noun="département",
            plural="départements",
            a_unit="un département",
            of_unit="du département",
            n_units=96,
            layer_file="departements",
            shapes_code="code",
            mapping_code="departement",
            mapping_name="nom_departement",
            nests_in=("pre2016", "2016"),
            of_departements=False,
            core_column="core_departement",
        ),
    )
}

#: Shapes layers in ``data/shapes/`` (key -> Shapefile stem): one per level, plus
#: ``"departements"`` (the département level's layer, under the name the build and older code
#: use), read to count communes and to find the catalysers of a unit of any level.
LAYER_FILES: dict[str, str] = {
    **{level.id: level.layer_file for level in LEVELS.values()},
    "departements": "departements",
}


class UnknownLevelError(KeyError, ValueError):
    """A level the atlas does not know.

    Both a ``KeyError`` (an id looked up) and a ``ValueError`` (a bad argument value), so callers
    may catch either.
    """

    def __str__(self) -> str:  # KeyError would print the message with quotes
        return str(self.args[0])


def check_level(level: str) -> Level:
    """The row of ``level``, else :class:`UnknownLevelError` listing the valid ids.

    >>> check_level("pre2016").n_units
    22
    """
    if level not in LEVELS:
        raise UnknownLevelError(f"Unknown level {level!r}; expected one of {list(LEVELS)}")
    return LEVELS[level]

"""The map's legend as light HTML: a colour swatch, the class written out, the unit count.

Values are always written next to their colour (never colour alone). Every text is escaped;
colours are checked to be ``#rrggbb`` before they reach a style attribute.
"""

import html

from i18n import DEFAULT_LANG, t
from layers.render.classify import HEX_COLOUR


def legend_html(
    title: str,
    unit: str,
    entries: list[tuple[str, str, int]],
    count_label: str | None = None,
    lang: str = DEFAULT_LANG,
) -> str:
    """A small table: swatch, class label, number of units (regions or départements) in the
    class; titled ``title (unit)``.

    ``entries`` are ``(colour, label, count)`` as from
    :meth:`layers.render.classify.Classification.legend`; the column headings are in ``lang``
    (``count_label`` replaces "Régions").

    Raises
    ------
    ValueError
        A colour that is not ``#rrggbb``.
    """
    esc = html.escape
    count_label = t("legend.count", lang) if count_label is None else count_label
    heading = f"<strong>{esc(title)}</strong>" + (f" ({esc(unit)})" if unit else "")
    if not entries:
        return f'<div class="atlas-legend"><p>{heading}</p></div>'
    rows = []
    for colour, label, count in entries:
        if not HEX_COLOUR.fullmatch(str(colour)):
            raise ValueError(f"Expected a #rrggbb colour, got {colour!r}")
        swatch = (
            '<span aria-hidden="true" style="display:inline-block;width:1.6em;height:0.9em;'
            f'background:{colour};border:1px solid #777;vertical-align:middle"></span>'
        )
        rows.append(
            f"<tr><td>{swatch}</td><td>{esc(str(label))}</td>"
            f'<td style="text-align:right">{int(count)}</td></tr>'
        )
    return (
        f'<div class="atlas-legend"><p style="margin-bottom:0.2em">{heading}</p>'
        '<table style="font-size:0.9em;border-collapse:collapse">'
        '<thead><tr><th><span style="position:absolute;left:-9999px">'
        f"{esc(t('legend.colour', lang))}</span></th>"
        f"<th>{esc(t('legend.class', lang))}</th><th>{esc(count_label)}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )

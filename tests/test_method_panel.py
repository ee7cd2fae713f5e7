"""The method page as shown in the app (ui/method_panel.py)."""

from ui.method_panel import METHOD_MD, localised


def test_the_build_s_markers_are_not_shown():
    text = (
        "# Méthode\n\nAvant.\n<!-- BEGIN coverage -->\n| a |\n|---|\n| 1 |\n"
        "<!-- END coverage -->\nAprès <!-- a note --> fin.\n"
    )
    assert localised(text) == "## Méthode\n\nAvant.\n| a |\n|---|\n| 1 |\nAprès fin.\n"


def test_the_shipped_method_page_shows_no_marker_in_either_language():
    text = METHOD_MD.read_text(encoding="utf-8")
    assert text.count("<!-- BEGIN") >= 10  # the markers the build writes are there
    for lang in ("fr", "en"):
        assert "<!--" not in localised(text, lang)

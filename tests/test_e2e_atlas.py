"""End-to-end: the atlas in Debian's Chromium, driven by Playwright, against a real server.

Every test uses the ``page`` fixture, which fails the test if any request leaves localhost.
The map is our own component, drawn in the page (in a shadow root, which Playwright's CSS
locators pierce); ``window.Atlas.maps`` exposes read-outs of the Leaflet map (fills, view).
"""

import time
from urllib.parse import quote

import pytest

from bench.browser import (
    MAP,
    SUMMARY_HEADING,
    choose,
    click_region,
    current_url,
    hide_catalysers,
    map_view,
    open_map,
    region_paths,
    region_points,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def outlined(page) -> list[str]:
    """Codes outlined on the map (the selection pane holds one path per outline)."""
    code = page.evaluate(f"{MAP}.container.dataset.selected")
    paths = page.locator(".leaflet-atlasSelection-pane path").count()
    return [code] * paths if code else []


def zoom_in(page) -> dict:
    # Two steps of 0.5, one at a time with a pause: Leaflet ignores a zoom asked while a zoom
    # animation runs, and a loaded machine stretches the animation past the next click.
    for _ in range(2):
        start = map_view(page)["zoom"]  # the first view's zoom depends on the map's width
        page.locator(".leaflet-control-zoom-in").click()
        wait_for(lambda z=start: map_view(page)["zoom"] > z, what="zoomed in")
        page.wait_for_timeout(1_000)
    return map_view(page)


def test_13_regions_then_22_after_switching_level_keeping_the_zoom(app_url, page):
    open_map(page, app_url)
    wait_for(lambda: len(region_paths(page)) == 13, what="13 regions")
    before = zoom_in(page)
    page.get_by_text("Anciennes régions (22)").click()
    wait_for(lambda: len(region_paths(page)) == 22, what="22 regions")
    assert map_view(page) == before


def test_a_click_shows_the_name_and_outline_and_a_second_click_replaces_both(app_url, page):
    open_map(page, app_url + "/?layer=emploi")
    hide_catalysers(page)
    page.get_by_text("Cliquez une région sur la carte").wait_for()
    click_region(page, "32")
    heading = page.locator(SUMMARY_HEADING)
    heading.filter(has_text="Hauts-de-France").wait_for(timeout=5_000)
    assert page.get_by_role("heading", name="Hauts-de-France", level=2).count() == 1
    assert outlined(page) == ["32"]
    page.get_by_text("Région de 2016 formée des anciennes régions").wait_for()
    page.locator(".st-key-atlas_detail_2016_32").wait_for(timeout=30_000)  # from the server
    wait_for(lambda: "region=32" in current_url(page), what="region in the URL")
    click_region(page, "76")
    heading.filter(has_text="Occitanie").wait_for(timeout=5_000)
    # The previous profile is gone (the map's description under the legend may still name
    # Hauts-de-France among the most fragile regions: it describes the layer, not the click).
    summary = page.locator(".atlas-summary-host")
    assert heading.count() == 1 and summary.get_by_text("Hauts-de-France").count() == 0
    assert outlined(page) == ["76"]
    # The detail (indicators, catalysers) is the browser's too; the printable page's button
    # comes with the server's run.
    page.locator(".atlas-detail[data-detail='2016/76']").wait_for(timeout=5_000)
    page.locator(".st-key-atlas_detail_2016_76").wait_for(timeout=30_000)
    assert page.locator(".st-key-atlas_detail_2016_32").count() == 0
    wait_for(lambda: "region=76" in current_url(page), what="new region in the URL")


def test_closing_the_profile_from_the_page_clears_the_map_outline(app_url, page):
    open_map(page, app_url + "/?region=53")
    page.locator(SUMMARY_HEADING).filter(has_text="Bretagne").wait_for(timeout=30_000)
    wait_for(lambda: outlined(page) == ["53"], what="outline from the URL")
    page.get_by_role("button", name="Fermer le profil").click()
    page.get_by_text("Cliquez une région sur la carte").wait_for(timeout=30_000)
    wait_for(lambda: outlined(page) == [], what="outline removed")
    wait_for(lambda: "region=" not in current_url(page), what="no region in the URL")


def test_another_domain_in_the_profile_lists_its_indicators_and_keeps_the_map(app_url, page):
    open_map(page, app_url + "/?layer=emploi&region=76")
    detail = page.locator(".atlas-detail[data-detail='2016/76']")
    detail.wait_for(timeout=60_000)
    page.get_by_text("Emploi / chômage / insertion — indice objectif").first.wait_for()
    caption = detail.locator("caption").first
    assert caption.text_content() == "Indicateurs : Emploi / chômage / insertion"
    before = wait_for(lambda: region_paths(page), what="colours")
    detail.get_by_role("combobox", name="Indicateurs du domaine").select_option("sante")
    wait_for(
        lambda: detail.locator("caption").first.text_content() == "Indicateurs : Santé",
        timeout_s=30,
        what="Santé's indicators",
    )
    assert detail.locator(".atlas-pending").count() == 0
    assert "Densité de médecins" in detail.inner_text()
    assert region_paths(page) == before  # the map still shows the layer
    assert "layer=emploi" in current_url(page)
    wait_for(lambda: "domain=sante" in current_url(page), what="the domain in the URL")
    click_region(page, "53")  # another region: the chosen domain stays
    bretagne = page.locator(".atlas-detail[data-detail='2016/53']")
    bretagne.wait_for(timeout=5_000)
    assert bretagne.locator("caption").first.text_content() == "Indicateurs : Santé"
    wait_for(lambda: "region=53" in current_url(page), what="the region in the URL")
    link = current_url(page)  # a copied link reopens the same profile
    assert "domain=sante" in link
    open_map(page, link)
    page.locator(".atlas-detail[data-detail='2016/53'] caption").first.wait_for(timeout=60_000)
    caption = page.locator(".atlas-detail[data-detail='2016/53'] caption").first
    assert caption.text_content() == "Indicateurs : Santé"


def test_switching_domain_changes_legend_and_colours_and_keeps_the_zoom(app_url, page):
    open_map(page, app_url + "/?layer=emploi")
    page.get_by_text("Emploi / chômage / insertion — indice objectif").first.wait_for()
    before = wait_for(lambda: region_paths(page), what="colours")
    view = zoom_in(page)
    choose(page, "Couche", "Santé")
    page.get_by_text("Santé — indice objectif").first.wait_for(timeout=30_000)
    after = wait_for(
        lambda: (c := region_paths(page)) != before and len(c) == 13 and c, what="new colours"
    )
    assert after != before
    assert map_view(page) == view


def test_former_region_click_in_the_pre2016_level(app_url, page):
    open_map(page, app_url + "/?level=pre2016")
    hide_catalysers(page)
    wait_for(lambda: len(region_paths(page)) == 22, what="22 regions")
    click_region(page, "31", level="pre2016")
    page.locator(SUMMARY_HEADING).filter(has_text="Nord-Pas-de-Calais").wait_for(timeout=5_000)
    page.get_by_text("partie de la région").wait_for()
    assert outlined(page) == ["31"]


def test_roubaix_finds_fondation_de_lille_in_the_table_and_on_the_map(app_url, page):
    open_map(page, app_url)
    page.get_by_label("Commune ou code postal").fill("Roubaix")
    page.keyboard.press("Enter")
    page.get_by_text("catalyseur(s) à moins de 30 km de Roubaix").wait_for(timeout=30_000)
    table = page.locator("[data-testid='stDataFrame']").filter(has_text="Distance")
    table.wait_for()
    assert (
        "Fondation de Lille" in table.inner_text() or page.get_by_text("Fondation de Lille").count()
    )
    tips = wait_for(
        lambda: [t for t in page.evaluate(f"{MAP}.markerTips()") if "Fondation de Lille" in t],
        what="marker on the map",
    )
    assert tips
    view = wait_for(lambda: (v := map_view(page))["zoom"] >= 8.5 and v, what="zoom on Roubaix")
    assert abs(view["lat"] - 50.69) < 0.3 and abs(view["lon"] - 3.18) < 0.3
    assert page.locator(".leaflet-atlasSearch-pane path").count() == 1  # the search circle


def test_a_drag_that_starts_on_a_region_pans_without_selecting_it(app_url, page):
    open_map(page, app_url)
    hide_catalysers(page)
    before = map_view(page)
    lat_lon = list(region_points("2016")["84"])
    point = page.evaluate(f"([lat, lon]) => {MAP}.pagePoint(lat, lon)", lat_lon)
    page.mouse.move(point["x"], point["y"])
    page.mouse.down()
    page.mouse.move(point["x"] + 60, point["y"] + 40, steps=8)
    page.mouse.up()
    wait_for(lambda: map_view(page) != before, what="map panned")
    time.sleep(1.0)
    assert outlined(page) == []
    assert page.locator(SUMMARY_HEADING).count() == 0
    assert "region=" not in current_url(page)


#: How far Streamlit's main area (the element that scrolls, not the window) is scrolled.
_MAIN_SCROLL = "document.querySelector(\"[data-testid='stMain']\").scrollTop"


def test_a_first_click_on_a_map_below_the_fold_selects_and_does_not_scroll(app_url, page):
    """On a laptop's 1366 x 768 the map's foot is below the fold. Leaflet focuses the map as
    the button goes down and restores the window's scroll, but Streamlit scrolls an element:
    the page jumped 177 px between press and release, and the first click was lost."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_map(page, app_url)
    hide_catalysers(page)
    assert page.evaluate(f"{MAP}.container.getBoundingClientRect().bottom") > 768
    before = page.evaluate(_MAIN_SCROLL)
    click_region(page, "11")
    page.locator(SUMMARY_HEADING).filter(has_text="Île-de-France").wait_for(timeout=5_000)
    assert page.evaluate(_MAIN_SCROLL) == before
    assert outlined(page) == ["11"]
    # The focus is in the map all the same (the region clicked, or the map: arrow keys pan it).
    assert page.evaluate(f"{MAP}.container.contains({MAP}.container.getRootNode().activeElement)")


def test_a_server_answer_older_than_the_last_click_does_not_undo_it(app_url, page):
    open_map(page, app_url)
    hide_catalysers(page)
    click_region(page, "53")
    page.locator(SUMMARY_HEADING).filter(has_text="Bretagne").wait_for(timeout=5_000)
    page.locator(".st-key-atlas_detail_2016_53").wait_for(timeout=30_000)
    # The page replays an answer from before that click (seq lower than the click's).
    page.evaluate(f"{MAP}.update({{...{MAP}.data, selected: '32', seq: {MAP}.clickSeq - 1}})")
    time.sleep(0.5)
    assert outlined(page) == ["53"]
    assert page.locator(SUMMARY_HEADING).inner_text() == "Bretagne"
    # The answer to that click (same seq) is applied, whatever it says.
    page.evaluate(f"{MAP}.update({{...{MAP}.data, selected: '', seq: {MAP}.clickSeq}})")
    wait_for(lambda: outlined(page) == [], what="server selection applied")


def test_markdown_in_the_url_and_the_commune_box_sends_no_request_out(app_url, page):
    # The page fixture fails the test if the browser fetches http://evil.invalid/...
    payload = "![x](http://evil.invalid/p.png)"
    page.goto(app_url + "/?layer=" + quote(payload) + "&breaks=" + quote(payload))
    box = page.get_by_label("Commune ou code postal")
    box.wait_for(timeout=90_000)  # the URL's warnings (toasts) are drawn by then
    box.fill(payload)
    page.keyboard.press("Enter")
    page.get_by_text("evil.invalid", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_timeout(2_000)  # time for an image the page would fetch
    assert page.locator("img[src*='evil']").count() == 0


def test_the_websocket_is_compressed(app_url, page):
    """The profiles a level switch sends (~1.1 MB of HTML for the départements) travel
    compressed (.streamlit/config.toml; bench/bench_slow_link.py measures the gain)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    extensions = []
    cdp.on(
        "Network.webSocketHandshakeResponseReceived",
        lambda event: extensions.append(
            {k.lower(): v for k, v in event["response"]["headers"].items()}.get(
                "sec-websocket-extensions", ""
            )
        ),
    )
    open_map(page, app_url + "/")
    assert extensions and all("permessage-deflate" in e for e in extensions), extensions


#: Records the map's top edge at every frame from its first drawn region (the session's
#: map-first run) until the whole page is there, 2 s after the sidebar's last widget.
_MAP_TOPS = """
(() => {
  const tops = (window.__mapTops = []);
  let end = null;
  const watch = () => {
    for (const host of document.querySelectorAll("[data-testid^='stBidiComponent']")) {
      const map = host.shadowRoot && host.shadowRoot.querySelector(".atlas-map");
      if (map && map.querySelector("path.leaflet-interactive")) {
        tops.push(map.getBoundingClientRect().top);
        break;
      }
    }
    if (end === null && document.querySelector("[data-testid='stNumberInput']")) {
      end = performance.now() + 2000;
    }
    if (end === null || performance.now() < end) requestAnimationFrame(watch);
    else window.__mapTopsDone = true;
  };
  requestAnimationFrame(watch);
})();
"""


@pytest.mark.parametrize("width", [1400, 390])
def test_the_map_does_not_move_when_the_whole_page_follows_it(app_url, page, width):
    # The first run draws the map under an empty block where the region selector comes with
    # the whole page (ui/atlas_view.region_select_slot): the map must not jump, not even while
    # Streamlit loads the selector's code (it draws a shorter placeholder meanwhile).
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(_MAP_TOPS)
    open_map(page, app_url + "/?lang=en&level=departement")
    wait_for(lambda: page.evaluate("window.__mapTopsDone"), what="the page settled")
    selector = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']")
    assert selector.get_by_text("Département").count() == 1
    tops = page.evaluate("window.__mapTops")
    assert len(tops) > 10 and max(tops) - min(tops) < 1, sorted(set(tops))

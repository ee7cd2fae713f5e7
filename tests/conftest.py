import os

import pytest

from bench.browser import CHROMIUM, CHROMIUM_ARGS, is_local, streamlit_server


@pytest.fixture(scope="session")
def app_url():
    """Base URL of a Streamlit server running the atlas for the whole test session."""
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (its own browser download is not used)."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("ATLAS_SKIP_BROWSER") == "1":
            pytest.skip("ATLAS_SKIP_BROWSER=1 and no Chromium")
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium (scripts/test.sh does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page whose every request is recorded; fails the test if one leaves localhost."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda req: requests.append(req.url))
    pg.requests = requests
    yield pg
    context.close()
    outside = [url for url in requests if not is_local(url)]
    assert outside == [], f"requests left the machine: {outside[:5]}"

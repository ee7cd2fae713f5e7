"""Accessibility scan of the atlas in Chromium with axe-core: our markup apart from Streamlit's.

axe-core (Deque, MPL-2.0) is the rules engine behind common accessibility audits; its
pinned release is fetched from npm by ``bash scripts/vendor_js.sh --dev`` into
``static/vendor/axe-core/`` (checksum verified; the app never serves it to users: it is injected
here, into the page under test, by Playwright). :func:`scan` injects it into the page and every
frame (the map is an iframe), runs it over WCAG 2.x A/AA rules, and sorts each violating element:

- ``"ours"``: inside a component whose markup the atlas writes (:data:`OWN_COMPONENTS`: the map
  and its legend, Markdown and HTML we write, the profile's own markup);
- ``"streamlit"``: anywhere else — Streamlit's widgets, toolbar and layout, which we can
  configure but not rewrite.

Usage: ``python -m bench.a11y [--query "region=32&lang=en"] [--json out.json]`` starts the app
on a free port, scans it and prints the violations by owner and impact (docs/benchmarks.md).
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.browser import CHROMIUM, CHROMIUM_ARGS, REPO_DIR, streamlit_server

AXE_JS = REPO_DIR / "static" / "vendor" / "axe-core" / "axe.min.js"
IMPACTS = ("critical", "serious", "moderate", "minor")
#: Rule tags run: WCAG 2.0/2.1/2.2 levels A and AA (RGAA 4 follows WCAG 2.1 AA) and axe's best
#: practices, which flag what a screen reader user meets (landmarks, heading order).
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
#: CSS selectors of the components whose markup the atlas writes (the current map is a
#: streamlit-folium iframe; the atlas component of issue 11 uses ``atlas-*`` ids and classes).
OWN_COMPONENTS = (
    "iframe[title='streamlit_folium.st_folium']",
    "#atlas-map",
    "[class*='atlas-']",
    "[id^='atlas-']",
    "[data-testid='stMarkdownContainer']",
    "[data-testid='stHtml']",
    "[data-testid='stCaptionContainer']",
    "[data-testid='stHeading']",
    "[data-testid='stVegaLiteChart']",
)

#: Runs in the page: axe over the document and its frames, then each violating node's owner.
_RUN = """async ([tags, own]) => {
    const results = await axe.run(document, {
        runOnly: {type: 'tag', values: tags},
        iframes: true,
        resultTypes: ['violations'],
    });
    // A target is [selector, ...] (one per frame: the first names the frame element in the
    // page); a selector is a string, or [host, ..., selector] for an element in shadow roots
    // (our components draw there), resolved through each host's shadow root.
    const resolve = part => {
        let root = document, el = null;
        for (const sel of (Array.isArray(part) ? part : [part])) {
            try { el = root.querySelector(sel); } catch (e) { return null; }
            if (!el) return null;
            root = el.shadowRoot || el;
        }
        return el;
    };
    const owner = target => {
        const el = resolve(Array.isArray(target) ? target[0] : target);
        return el && own.some(sel => el.closest(sel)) ? 'ours' : 'streamlit';
    };
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, help_url: v.helpUrl,
        nodes: v.nodes.map(n => ({
            target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' >>> '),
            html: n.html.slice(0, 200),
            why: (n.failureSummary || '').slice(0, 300),
            owner: owner(n.target),
        })),
    }));
}"""


@dataclass
class Violation:
    """One axe rule broken by some elements, all of the same owner."""

    rule: str
    impact: str
    owner: str  # "ours" or "streamlit"
    help: str
    help_url: str
    targets: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # axe's failure summary per element


def axe_source() -> str:
    """The vendored axe-core script; a clear error when ``vendor_js.sh --dev`` has not run."""
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} missing: run `bash scripts/vendor_js.sh --dev`")
    return AXE_JS.read_text(encoding="utf-8")


def inject_axe(page) -> None:
    """Load axe-core into the page and each of its frames (needed for ``iframes: true``)."""
    source = axe_source()
    for frame in page.frames:
        if not frame.is_detached():
            frame.add_script_tag(content=source)


def scan(page, own_components: tuple[str, ...] = OWN_COMPONENTS) -> list[Violation]:
    """Violations of the page as it is now, one :class:`Violation` per rule and owner."""
    inject_axe(page)
    raw = page.evaluate(_RUN, [list(TAGS), list(own_components)])
    return split_by_owner(raw)


def split_by_owner(raw: list[dict]) -> list[Violation]:
    """axe's violations (as :data:`_RUN` returns them) split by owner, most severe first."""
    out = []
    for rule in raw:
        for owner in ("ours", "streamlit"):
            nodes = [n for n in rule["nodes"] if n["owner"] == owner]
            if nodes:
                out.append(
                    Violation(
                        rule=rule["id"],
                        impact=rule["impact"] or "minor",
                        owner=owner,
                        help=rule["help"],
                        help_url=rule["help_url"],
                        targets=[n["target"] for n in nodes],
                        html=[n["html"] for n in nodes],
                        why=[n["why"] for n in nodes],
                    )
                )
    return sorted(out, key=lambda v: (v.owner, IMPACTS.index(v.impact), v.rule))


def summary(violations: list[Violation]) -> dict[str, dict[str, int]]:
    """owner -> impact -> number of violating elements (zero counts included)."""
    counts = Counter((v.owner, v.impact) for v in violations for _ in v.targets)
    return {
        owner: {impact: counts[(owner, impact)] for impact in IMPACTS}
        for owner in ("ours", "streamlit")
    }


def report(violations: list[Violation]) -> str:
    """A plain-text table: owner, impact, rule, number of elements, first target."""
    lines = [f"{'owner':10} {'impact':9} {'rule':28} {'n':>3}  first element"]
    for v in violations:
        lines.append(f"{v.owner:10} {v.impact:9} {v.rule:28} {len(v.targets):3}  {v.targets[0]}")
    return "\n".join(lines)


def wait_until_drawn(page, timeout_ms: int = 240_000) -> None:
    """The page is scanned once Streamlit has stopped running, the map has polygons and the rest
    of the page (drawn after the map) is there.

    The first page of a fresh server on a busy 2-core machine can take minutes (cold caches):
    hence the generous time-out."""
    page.locator("[data-testid='stApp']").wait_for(timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const running = document.querySelector("[data-testid='stStatusWidget']");
            const frames = [...document.querySelectorAll('iframe')];
            const drawn = frames.some(f => {
                try { return f.contentDocument.querySelector('path.leaflet-interactive'); }
                catch (e) { return false; }
            }) || document.querySelector('#atlas-map path.leaflet-interactive')
              || [...document.querySelectorAll('*')].some(e => e.shadowRoot &&
                   e.shadowRoot.querySelector('.atlas-map path.leaflet-interactive'));
            // the map is drawn first, the rest of the page follows (its last sidebar widget)
            const whole = document.querySelector(
                "[data-testid='stSidebar'] [data-testid='stNumberInput']");
            return drawn && whole && !(running && running.innerText.trim());
        }""",
        timeout=timeout_ms,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="", help='URL query, e.g. "region=32&lang=en"')
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--json", type=Path, help="write the violations here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with streamlit_server(timeout_s=120) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 1000}, locale="fr-FR")
        page.goto(f"{url}/?{args.query}" if args.query else url)
        wait_until_drawn(page)
        violations = scan(page)
        browser.close()
    print(report(violations))
    print(json.dumps(summary(violations)))
    if args.json:
        args.json.write_text(
            json.dumps([asdict(v) for v in violations], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accessibility checks for the browser tests: axe-core (shipped by axe-playwright-python) and focus visibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 level A and AA: the standard Dutch public bodies are held to (EN 301 549).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def axe_violations(page, tags=WCAG_21_AA):
    """The axe-core violations on the page as it is now, checking only the rules with these tags."""
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def format_violations(url, violations):
    """The violations as a readable report: rule, impact, what to fix and every offending element."""
    lines = [f"{len(violations)} axe-core violation(s) on {url}:"]
    for violation in violations:
        lines.append("")
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    * {', '.join(str(target) for target in node['target'])}")
            lines.append(f"      {' '.join(node['html'].split())[:300]}")
            for summary_line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"        {summary_line.strip()}")
    return "\n".join(lines)


def assert_no_axe_violations(page, tags=WCAG_21_AA):
    """Fail the test on any axe-core violation of the given rule tags, listing them all."""
    violations = axe_violations(page, tags)
    if violations:
        pytest.fail(format_violations(page.url, violations), pytrace=False)


FOCUSED_ELEMENT_STYLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: (element.innerText || element.value || "").trim().replace(/\\s+/g, " "),
        href: element.getAttribute("href"),
        inMain: Boolean(element.closest("main")),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        boxShadow: style.boxShadow,
        inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
}"""


def focused_element(page):
    """Tag, id, text, href and focus styling of the element that has the keyboard focus (None: the body)."""
    return page.evaluate(FOCUSED_ELEMENT_STYLE)


def assert_focus_visible(focused):
    """The focused element shows a focus outline and is scrolled into view."""
    assert focused is not None, "nothing has the focus"
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2, f"focus not visible on {focused}"
    assert focused["inViewport"], f"focused element is outside the viewport: {focused}"

"""Security headers on the public pages, and markup that runs within their Content-Security-Policy.

The policy allows no inline script or style, so the rendered pages must not contain any: no inline <script> or
<style> blocks, no event-handler attributes, no style attributes, no javascript: links. The Wagtail admin needs
inline code and is left out of the policy.
"""

from html.parser import HTMLParser

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal.views import server_error
from tests.builders import make_article, make_image, make_standard_page

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class InlineCode(HTMLParser):
    """Collects everything in a page that a CSP without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._inline_script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            elif name == "style":
                self.found.append(f'<{tag} style="{value}">')
            elif name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self._inline_script = True
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline_script = None


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def public_pages(site):
    image = make_image(title="Wijkagent op de fiets")
    article = make_article(
        site.news_index,
        title="Buurtpreventie werkt",
        lead_image=image,
        lead_image_alt="Een wijkagent fietst door een woonwijk.",
        body=[
            {"type": "heading", "value": {"text": "Wat doet een buurtpreventieteam?", "level": "h2"}},
            {
                "type": "paragraph",
                "value": '<p>Bewoners lopen <b>samen</b> een ronde. <a href="/nieuws/">Meer nieuws</a>.</p>',
            },
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Een groep bewoners.", "decorative": False},
                    "caption": "Een ronde door de wijk.",
                },
            },
            {"type": "quote", "value": {"text": "Samen zien we meer.", "attribution": "Een bewoner"}},
        ],
    )
    standard = make_standard_page(site.home, title="Over ons", show_in_menus=True)
    return {
        "home": ("/", 200),
        "news list": ("/nieuws/", 200),
        "category": (f"/nieuws/categorie/{article.category.slug}/", 200),
        "article": (article.url, 200),
        "standard page": (standard.url, 200),
        "search with results": ("/zoeken/?q=buurtpreventie", 200),
        "search without results": ("/zoeken/?q=onvindbaarwoord", 200),
        "search form": ("/zoeken/", 200),
        "not found": ("/bestaat-niet/", 404),
    }


PAGE_NAMES = [
    "home",
    "news list",
    "category",
    "article",
    "standard page",
    "search with results",
    "search without results",
    "search form",
    "not found",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_public_page_sends_the_security_headers(client, public_pages, name):
    url, status = public_pages[name]

    response = client.get(url)

    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert directive in directives
        assert "'unsafe-inline'" not in directives[directive]
        assert "'unsafe-eval'" not in directives[directive]
        assert "*" not in directives[directive]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_public_page_has_no_inline_script_or_style(client, public_pages, name):
    url, status = public_pages[name]

    response = client.get(url)

    assert response.status_code == status
    html = response.content.decode()
    assert "<script" in html, "the page should load the site script"
    assert inline_code(html) == []


def test_the_inline_code_check_finds_what_the_policy_blocks():
    html = (
        '<p style="color:red">x</p><button onclick="go()">b</button><script>alert(1)</script>'
        '<style>p{}</style><a href="javascript:void(0)">a</a><script src="/static/js/site.js"></script>'
        '<script type="application/ld+json">{}</script>'
    )

    assert inline_code(html) == [
        '<p style="color:red">',
        "<button onclick=...>",
        "inline <script>",
        "<style> element",
        "<a href=javascript:void(0)>",
    ]


def test_error_page_has_no_inline_script_or_style(rf):
    assert inline_code(server_error(rf.get("/")).content.decode()) == []


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemap-pages.xml", "/nieuws/feed/", "/robots.txt", "/.well-known/security.txt"]
)
def test_other_public_responses_are_not_sniffed_or_framed(client, site, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_wagtail_admin_is_left_out_of_the_policy(admin_client, admin_user, site):
    TOTP.activate(admin_user, generate_totp_secret())  # the admin asks for a second factor first

    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"
    # The public site around it keeps its policy.
    assert "Content-Security-Policy" in admin_client.get("/")

"""A standard page renders its title, summary and body blocks, with breadcrumbs."""

from tests.builders import make_standard_page
from tests.markup import breadcrumbs

BODY = [
    {"type": "heading", "value": {"text": "Samenwerking noodzakelijk", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Op regionaal niveau stellen we <b>prioriteiten</b>.</p>"},
    {"type": "heading", "value": {"text": "Flexibel & toekomstgericht", "level": "h3"}},
    {"type": "quote", "value": {"text": "Samen slagvaardig.", "attribution": "Het college"}},
]


def test_standard_page_renders_title_summary_and_body_blocks_in_order(client, site):
    make_standard_page(site.home, title="Over ons", summary="Wie wij zijn.", body=BODY)

    response = client.get("/over-ons/")

    assert response.status_code == 200
    html = response.content.decode()
    parts = [
        "<h1>Over ons</h1>",
        '<p class="lead">Wie wij zijn.</p>',
        '<h2 id="samenwerking-noodzakelijk">Samenwerking noodzakelijk</h2>',
        '<div class="rich-text"><p>Op regionaal niveau stellen we <b>prioriteiten</b>.</p></div>',
        '<h3 id="flexibel-toekomstgericht">Flexibel &amp; toekomstgericht</h3>',
        "<blockquote><p>Samen slagvaardig.</p></blockquote>",
        "<figcaption>Het college</figcaption>",
    ]
    positions = [html.index(part) for part in parts]
    assert positions == sorted(positions)


def test_heading_anchor_can_be_linked_to(client, site):
    make_standard_page(site.home, title="Over ons", body=BODY[:1])

    html = client.get("/over-ons/").content.decode()

    assert html.count('id="samenwerking-noodzakelijk"') == 1


def test_standard_page_without_body_still_renders(client, site):
    make_standard_page(site.home, title="Leeg")

    response = client.get("/leeg/")

    assert response.status_code == 200
    assert "<h1>Leeg</h1>" in response.content.decode()
    assert 'class="rich-text"' not in response.content.decode()


def test_nested_standard_page_has_breadcrumbs_to_it(client, site):
    parent = make_standard_page(site.home, title="Over ons")
    make_standard_page(parent, title="Organisatie", body=BODY[:2])

    response = client.get("/over-ons/organisatie/")

    assert response.status_code == 200
    assert breadcrumbs(response) == [
        ("Home", "/", False),
        ("Over ons", "/over-ons/", False),
        ("Organisatie", "/over-ons/organisatie/", True),
    ]

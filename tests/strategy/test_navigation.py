"""The side navigation, previous/next links, main menu and home page links of the strategy: only live, public,
current chapters and themes, in the editors' order, the page shown marked aria-current."""

import pytest

from tests.builders import restrict_to_logged_in
from tests.markup import main_menu
from tests.strategy.builders import make_chapter, make_theme
from tests.strategy.html import pager, side_nav, soup

COVER = ("Voorpagina", "/veiligheidsstrategie/")
SUMMARY = ("Samenvatting", "/veiligheidsstrategie/samenvatting/")
THEME = ("Maatschappelijke onrust", "/veiligheidsstrategie/maatschappelijke-onrust/")
APPENDIX = ("Bijlagen", "/veiligheidsstrategie/bijlagen/")
ORDER = [COVER, SUMMARY, THEME, APPENDIX]


def _archive(theme):
    theme.archived = True
    theme.save_revision().publish()


@pytest.mark.parametrize("current", range(len(ORDER)))
def test_side_nav_lists_the_cover_chapters_and_themes_in_order_and_marks_the_page_shown(client, tree, current):
    response = client.get(ORDER[current][1])

    assert response.status_code == 200
    assert side_nav(response) == [(label, href, number == current) for number, (label, href) in enumerate(ORDER)]
    assert response.content.decode().count('aria-current="page"') == 3  # main menu, breadcrumbs, side navigation


@pytest.mark.parametrize(
    ("path", "previous", "following"),
    [
        (COVER[1], None, SUMMARY),
        (SUMMARY[1], COVER, THEME),
        (THEME[1], SUMMARY, APPENDIX),
        (APPENDIX[1], THEME, None),
    ],
)
def test_previous_and_next_links_follow_the_order(client, tree, path, previous, following):
    links = pager(client.get(path))

    assert links == {"previous": previous, "next": following}


def test_previous_and_next_links_are_marked_up_as_such(client, tree):
    nav = soup(client.get(THEME[1])).find("nav", class_="strategy-pager")

    assert nav["aria-label"] == "Vorige en volgende hoofdstuk"
    assert [link["rel"] for link in nav.find_all("a")] == [["prev"], ["next"]]
    assert "Vorige" in nav.get_text() and "Volgende" in nav.get_text()


def test_the_order_is_the_page_tree_order(client, tree):
    tree.appendix.move(tree.summary, pos="left")

    labels = [label for label, _, _ in side_nav(client.get(SUMMARY[1]))]

    assert labels == ["Voorpagina", "Bijlagen", "Samenvatting", "Maatschappelijke onrust"]
    assert pager(client.get(SUMMARY[1])) == {"previous": APPENDIX, "next": THEME}


def test_a_short_title_labels_the_chapter_in_the_navigation(client, tree):
    tree.theme.menu_title = "Onrust"
    tree.theme.save_revision().publish()

    assert side_nav(client.get(SUMMARY[1]))[2] == ("Onrust", THEME[1], False)
    assert pager(client.get(SUMMARY[1]))["next"] == ("Onrust", THEME[1])


@pytest.mark.parametrize("kind", ["draft", "unpublished", "login_restricted"])
def test_hidden_chapters_are_left_out_of_the_navigation(client, tree, kind):
    hidden = make_chapter(tree.strategy, title="Geheim hoofdstuk", live=kind != "draft")
    hidden.move(tree.summary, pos="right")
    if kind == "unpublished":
        hidden.unpublish()
    elif kind == "login_restricted":
        restrict_to_logged_in(hidden)

    for path in (COVER[1], SUMMARY[1], THEME[1]):
        response = client.get(path)
        assert "Geheim hoofdstuk" not in response.content.decode(), path
        assert [(label, href) for label, href, _ in side_nav(response)] == ORDER
    assert pager(client.get(SUMMARY[1]))["next"] == THEME
    assert client.get("/veiligheidsstrategie/geheim-hoofdstuk/").status_code in (302, 404)


def test_an_archived_theme_leaves_the_navigation_but_stays_readable_with_a_banner(client, tree):
    _archive(tree.theme)

    for path in (COVER[1], SUMMARY[1], APPENDIX[1]):
        assert [(label, href) for label, href, _ in side_nav(client.get(path))] == [COVER, SUMMARY, APPENDIX]
    assert pager(client.get(SUMMARY[1]))["next"] == APPENDIX
    assert pager(client.get(APPENDIX[1]))["previous"] == SUMMARY

    response = client.get(THEME[1])
    assert response.status_code == 200
    banner = soup(response).find(class_="notice--archived")
    assert banner is not None and banner["role"] == "note"
    assert "gearchiveerd" in banner.get_text()
    assert not [item for item in side_nav(response) if item[2]]  # nothing current: the theme is not listed
    assert pager(response) == {"previous": None, "next": None}


def test_the_cover_lists_archived_themes_apart(client, tree):
    _archive(tree.theme)

    page = soup(client.get(COVER[1]))

    contents = [link["href"] for link in page.find("ol", class_="chapter-list").find_all("a")]
    assert contents == [SUMMARY[1], APPENDIX[1]]
    archived = page.find(id="gearchiveerde-themas").find_next("ul")
    assert [link["href"] for link in archived.find_all("a")] == [THEME[1]]


def test_a_current_theme_shows_no_banner(client, tree):
    assert soup(client.get(THEME[1])).find(class_="notice--archived") is None


def test_the_strategy_is_in_the_main_menu_and_current_on_its_pages(client, tree):
    assert ("Regionale Veiligheidsstrategie", COVER[1], False) in main_menu(client.get("/"))
    for path in (COVER[1], SUMMARY[1], THEME[1]):
        assert ("Regionale Veiligheidsstrategie", COVER[1], True) in main_menu(client.get(path)), path


def _home_theme_links(response):
    section = soup(response).find(id="themes-heading")
    return [link["href"] for link in section.find_parent("section").find_all("a")] if section else []


def test_the_home_page_links_the_current_themes(client, tree):
    second = make_theme(tree.strategy, title="Digitale veiligheid en cybercriminaliteit")

    assert _home_theme_links(client.get("/")) == [THEME[1], second.url]


@pytest.mark.parametrize("kind", ["archived", "draft", "login_restricted"])
def test_the_home_page_leaves_out_archived_and_hidden_themes(client, tree, kind):
    other = make_theme(tree.strategy, title="Ander thema", live=kind != "draft")
    if kind == "archived":
        _archive(other)
    elif kind == "login_restricted":
        restrict_to_logged_in(other)

    assert _home_theme_links(client.get("/")) == [THEME[1]]


def test_the_home_page_shows_no_theme_section_without_themes(client, site):
    assert _home_theme_links(client.get("/")) == []

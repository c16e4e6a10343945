"""Toolkits are linked to the strategy's themes: the library groups them by theme, and a public theme page names
them to members only; everyone else learns at most that the library holds toolkits on the theme."""

import pytest
from bs4 import BeautifulSoup

from tests.apothekerskast.builders import SECRET_TOOLKIT, make_library, make_toolkit
from tests.markup import page_text
from tests.strategy.builders import make_theme
from tests.strategy.html import toc

pytestmark = pytest.mark.django_db

GENERIC_LINE = "Voor dit thema staan toolkits in de apothekerskast (na inloggen)"
SECTION_HEADING = ("Toolkits in de apothekerskast", "#apothekerskast", 2)


@pytest.fixture
def library(site, theme):
    return make_library(site.home, theme=theme)


def toolkit_section(response):
    section = BeautifulSoup(response.content.decode(), "html.parser").find("section", class_="theme-toolkits")
    return section


def section_links(response):
    section = toolkit_section(response)
    return [(link.get_text(" ", strip=True), link["href"]) for link in section.find_all("a")] if section else []


def assert_generic_line_only(response):
    assert response.status_code == 200
    assert GENERIC_LINE in page_text(response)
    assert section_links(response) == [("Naar de apothekerskast", "/apothekerskast/")]
    assert SECRET_TOOLKIT not in response.content.decode()
    assert "geheime-toolkit" not in response.content.decode()
    assert SECTION_HEADING in toc(response)


def test_anonymous_visitors_learn_only_that_there_are_toolkits(client, library, theme):
    assert_generic_line_only(client.get(theme.url))


@pytest.mark.parametrize("state", ["no_request", "pending", "rejected", "revoked", "expired"])
def test_logged_in_non_members_learn_only_that_there_are_toolkits(client, library, theme, person, state):
    client.force_login(person(state))
    assert_generic_line_only(client.get(theme.url))


def test_members_see_the_toolkits_titles_linked(client, library, theme, member):
    other = make_toolkit(library.index, "Aanpak jaarwisseling", theme=theme)
    make_toolkit(library.index, "Nog in concept", theme=theme, live=False)
    make_toolkit(library.index, "Zonder thema")
    client.force_login(member)

    response = client.get(theme.url)

    assert response.status_code == 200
    assert section_links(response) == [(other.title, other.url), (SECRET_TOOLKIT, library.toolkit.url)]
    assert GENERIC_LINE not in page_text(response)
    assert SECTION_HEADING in toc(response)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("state", ["anonymous", "pending", "member"])
def test_a_theme_without_live_toolkits_says_nothing_of_the_library(client, site, strategy, person, state):
    library = make_library(site.home)  # its toolkit has no theme
    theme = make_theme(strategy, title="Digitale veiligheid")
    make_toolkit(library.index, "Nog in concept", theme=theme, live=False)
    if state != "anonymous":
        client.force_login(person(state))

    response = client.get(theme.url)

    assert response.status_code == 200
    assert toolkit_section(response) is None
    assert SECTION_HEADING not in toc(response)
    # Nothing of the library on it: the anonymous page is the shared cache's to keep; any session's is private.
    assert ("private" in response["Cache-Control"]) == (state != "anonymous")


def test_the_library_groups_toolkits_by_theme_title_with_the_rest_under_overig(client, library, strategy, member):
    digital = make_theme(strategy, title="Digitale veiligheid")
    make_toolkit(library.index, "Interneppen", theme=digital)
    make_toolkit(library.index, "Afgehackt", theme=digital)
    make_toolkit(library.index, "Losse toolkit")
    client.force_login(member)

    response = client.get(library.index.url)

    main = BeautifulSoup(response.content.decode(), "html.parser").find("article", class_="library")
    groups = [
        (section.h2.get_text(strip=True), [heading.get_text(strip=True) for heading in section.find_all("h3")])
        for section in main.find_all("section")
    ]
    assert groups == [
        ("Digitale veiligheid", ["Afgehackt", "Interneppen"]),
        ("Maatschappelijke onrust", [SECRET_TOOLKIT]),
        ("Overig", ["Losse toolkit"]),
    ]


def test_a_toolkit_links_to_its_theme(client, library, theme, member):
    client.force_login(member)

    response = client.get(library.toolkit.url)

    links = BeautifulSoup(response.content.decode(), "html.parser").select(".toolkit__meta a")
    assert [(link.get_text(strip=True), link["href"]) for link in links] == [(theme.title, theme.url)]


def test_a_deleted_theme_leaves_the_toolkit_without_one(library, theme):
    theme.delete()
    library.toolkit.refresh_from_db()
    assert library.toolkit.theme is None

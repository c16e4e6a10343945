"""The account links in the header: "Inloggen" in every public page, the same for every anonymous reader and kept
by the shared cache; "Mijn account", "Apothekerskast" and "Uitloggen" only in answers to a logged-in session, which
are never stored."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.apothekerskast.builders import make_user

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = ["/", "/nieuws/", "/zoeken/?q=veiligheid"]


def account_links(response):
    nav = BeautifulSoup(response.content, "html.parser").find("nav", attrs={"aria-label": "Account"})
    return [(link.get_text(strip=True), link["href"]) for link in nav.find_all("a")]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_anonymous_readers_get_one_cacheable_page_with_inloggen_and_no_cookie(site, path):
    first, second = Client().get(path), Client().get(path)
    assert first.status_code == 200
    assert first.content == second.content
    assert not first.cookies
    assert "public" in first["Cache-Control"]
    assert account_links(first) == [("Inloggen", "/account/login/")]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_logged_in_reader_gets_the_account_links_in_a_page_no_cache_keeps(site, organisation, client, path):
    client.force_login(make_user("jan@utrecht.nl"))
    response = client.get(path)
    assert response.status_code == 200
    assert account_links(response) == [
        ("Mijn account", "/account/"),
        ("Apothekerskast", "/apothekerskast/"),
        ("Uitloggen", "/account/logout/"),
    ]
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives


def test_inloggen_takes_someone_already_logged_in_to_mijn_account(organisation, client):
    """A browser may still show a public page it kept from before logging in, with "Inloggen" in it."""
    client.force_login(make_user("jan@utrecht.nl"))
    response = client.get("/account/login/", follow=True)
    assert response.redirect_chain[-1][0] == "/account/"
    assert "U bent ingelogd als" in response.content.decode()
    assert "jan@utrecht.nl" in response.content.decode()

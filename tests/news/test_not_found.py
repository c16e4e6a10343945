"""Addresses in the news section that do not exist answer with the Dutch 404 page, never with a server error."""

import pytest

from tests.builders import make_articles

NOT_FOUND = [
    "/nieuws/categorie/bestaat-niet/",
    "/nieuws/categorie/bestaat-niet/feed/",
    "/nieuws/categorie/bestaat-niet/?page=2",
    "/nieuws/?page=3",
    "/nieuws/?page=abc",
    "/nieuws/?page=0",
    "/nieuws/?page=-1",
    "/nieuws/?page=%00",
    "/nieuws/?page=1%00",
    "/nieuws/?page=1.5",
    "/nieuws/?page=%C2%B2",
    "/nieuws/?page=%ff",
    "/nieuws/?page=999999",
    "/nieuws/?page=99999999999999999999999999",
    "/nieuws/categorie/tips/?page=2",
    "/nieuws/2023/?page=3",
    "/nieuws/2023/11/?page=2",
    "/nieuws/99999/",
    "/nieuws/0/",
    "/nieuws/99999999999999999999/",
    "/nieuws/2023/13/",
    "/nieuws/2023/0/",
    "/nieuws/2023/99999999999999999999/",
    "/nieuws/2023/11/20/",
    "/nieuws/bestaat-niet/",
    "/nieuws/categorie/",
]


@pytest.mark.parametrize("url", NOT_FOUND)
def test_unknown_news_address_is_a_dutch_404(client, site, url):
    client.raise_request_exception = False  # a server error must show up as a failed status check
    make_articles(site.news_index, 12)

    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert '<html lang="nl">' in html
    assert '<a href="/zoeken/">Zoeken op de site</a>' in html


@pytest.mark.parametrize("url", ["/nieuws/?page=1", "/nieuws/?page=2", "/nieuws/2023/", "/nieuws/2023/12/"])
def test_existing_pages_next_to_them_are_found(client, site, url):
    make_articles(site.news_index, 12)

    assert client.get(url).status_code == 200

"""Unknown addresses anywhere on the site get the Dutch 404 page, never a server error."""

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/bestaat-niet/",
        "/over-ons/bestaat-niet/",
        "/%ff/",
        "/%00/",
        "/zoeken/?q=overval&page=abc",
        "/zoeken/?q=overval&page=0",
    ],
)
def test_unknown_address_is_a_dutch_404(client, site, url):
    client.raise_request_exception = False

    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Pagina niet gevonden | Veiligheidscoalitie Midden-Nederland</title>" in html
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert "De pagina die u zoekt bestaat niet (meer) of het adres is niet juist." in html
    assert '<a href="/">Naar de homepagina</a>' in html


def test_404_page_keeps_the_site_navigation(client, site):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert '<nav class="main-nav" aria-label="Hoofdmenu">' in response.content.decode()
    assert '<a href="/nieuws/">Nieuws</a>' in response.content.decode()

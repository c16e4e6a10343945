from tests.builders import make_article


def test_home_page_shows_latest_news_and_sections(client, site):
    make_article(site.news_index, title="Forse daling aantal overvallen met geweld")

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Forse daling aantal overvallen met geweld" in html
    assert 'href="/nieuws/"' in html

"""Drafts, unpublished articles and login-only articles stay out of every public place that lists news."""

import datetime

import pytest

from tests.builders import HIDDEN_KINDS, make_article, make_hidden_article
from tests.markup import listed_titles, rss, search_results, sitemap_content

VISIBLE = "Openbaar bericht"
HIDDEN = "Verborgen bericht"


class Scene:
    def __init__(self, site, kind):
        tips = site.categories["Tips"]
        day = datetime.date(2023, 12, 20)
        self.visible = make_article(
            site.news_index, title=VISIBLE, category=tips, date=day, summary="De kwartelkoning."
        )
        self.hidden = make_hidden_article(
            site.news_index, kind, title=HIDDEN, category=tips, date=day, summary="Nog een kwartelkoning."
        )
        self.hidden_path = f"/nieuws/{self.hidden.slug}/"

    def assert_only_visible(self, response):
        assert response.status_code == 200
        content = response.content.decode()
        assert VISIBLE in content
        assert HIDDEN not in content
        assert self.hidden_path not in content


@pytest.fixture(params=HIDDEN_KINDS)
def scene(request, site):
    return Scene(site, request.param)


@pytest.mark.parametrize("url", ["/nieuws/", "/nieuws/categorie/tips/", "/nieuws/2023/", "/nieuws/2023/12/"])
def test_hidden_article_is_not_listed(client, scene, url):
    response = client.get(url)

    scene.assert_only_visible(response)
    assert listed_titles(response) == [VISIBLE]
    assert 'role="status">1 bericht</p>' in response.content.decode()


@pytest.mark.parametrize("url", ["/nieuws/feed/", "/nieuws/categorie/tips/feed/"])
def test_hidden_article_is_not_in_the_feed(client, scene, url):
    response = client.get(url)

    scene.assert_only_visible(response)
    assert [item["title"] for item in rss(response)["items"]] == [VISIBLE]


def test_hidden_article_is_not_found_by_search(client, scene):
    response = client.get("/zoeken/", {"q": "kwartelkoning"})

    scene.assert_only_visible(response)
    assert [title for title, _ in search_results(response)] == [VISIBLE]


def test_hidden_article_is_not_in_the_sitemap(client, scene):
    content = sitemap_content(client)

    assert f"/nieuws/{scene.visible.slug}/</loc>" in content
    assert scene.hidden_path not in content


def test_hidden_article_is_not_in_the_latest_news_on_the_home_page(client, scene):
    response = client.get("/")

    scene.assert_only_visible(response)
    assert listed_titles(response, within="section.latest-news") == [VISIBLE]


def test_hidden_article_is_not_a_related_article(client, scene):
    sibling = make_article(scene.visible.get_parent().specific, title="Nog een tip", category=scene.visible.category)

    response = client.get(sibling.url)

    scene.assert_only_visible(response)
    assert listed_titles(response, within="section.related") == [VISIBLE]


@pytest.mark.parametrize("kind", ["draft", "unpublished"])
def test_draft_or_unpublished_article_itself_is_a_404(client, site, kind):
    article = make_hidden_article(site.news_index, kind, title=HIDDEN)

    response = client.get(f"/nieuws/{article.slug}/")

    assert response.status_code == 404
    assert HIDDEN not in response.content.decode()
    assert "Pagina niet gevonden" in response.content.decode()


def test_login_only_article_itself_asks_to_log_in(client, site):
    article = make_hidden_article(site.news_index, "login_restricted", title=HIDDEN)

    response = client.get(f"/nieuws/{article.slug}/")

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert HIDDEN not in response.content.decode()


def test_live_article_shows_its_published_version_not_its_pending_draft(client, site):
    article = make_article(site.news_index, title="Gepubliceerde titel", summary="Openbare samenvatting.")
    article.title = "Concepttitel"
    article.summary = "Conceptsamenvatting."
    article.save_revision()

    for url in ["/", "/nieuws/", "/nieuws/feed/", article.url]:
        content = client.get(url).content.decode()
        assert "Gepubliceerde titel" in content, url
        assert "Concept" not in content, url

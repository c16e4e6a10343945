"""Every public page names its canonical address and gives Open Graph tags for link previews, with absolute URLs
from the site root; articles add schema.org NewsArticle data (JSON-LD)."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.builders import load_demo_content, make_article, make_image

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/nieuws/",
    "/nieuws/categorie/campagnes/",
    "/nieuws/werf-jij-al-burgernetdeelnemers-volg-het-voorbeeld-van-oa-utrecht/",
    "/veiligheidsstrategie/",
    "/veiligheidsstrategie/formatie-en-inrichtingsplan-politie/",
    "/agenda/",
    "/agenda/kennissessie-complexe-demonstraties/",
    "/nieuwsbrief/",
    "/privacy/",
    "/toegankelijkheid/",
    "/zoeken/?q=veiligheid",
]


# The test site of tests.builders.make_site; the demo loader points its site at WAGTAILADMIN_BASE_URL instead.
ROOT = "http://localhost"


def head(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def og(soup, name):
    tag = soup.find("meta", property=f"og:{name}")
    return tag and tag["content"]


def test_every_public_page_has_a_canonical_link_and_open_graph_tags(client, settings):
    load_demo_content()
    root = settings.WAGTAILADMIN_BASE_URL
    for path in PUBLIC_PAGES:
        soup = head(client.get(path))
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == root + path.split("?")[0], path
        assert og(soup, "url") == canonical
        assert og(soup, "title") and og(soup, "title") in soup.title.string, path
        assert og(soup, "type") == ("article" if path.startswith("/nieuws/werf") else "website"), path
        assert og(soup, "locale") == "nl_NL"
        assert og(soup, "site_name") == "Veiligheidscoalitie Midden-Nederland"
        if not path.startswith("/zoeken/"):
            assert og(soup, "description"), path
    soup = head(client.get("/nieuws/?page=2"))
    assert soup.find("link", rel="canonical")["href"] == root + "/nieuws/?page=2"


def test_an_article_with_a_lead_image_gives_it_as_preview_and_in_its_news_article_data(client, site):
    image = make_image(title="Wijkagent")
    article = make_article(
        site.news_index, title="Buurtpreventie werkt", summary="Bewoners lopen samen een ronde.", lead_image=image
    )
    soup = head(client.get(article.url))
    preview = og(soup, "image")
    assert preview.startswith("http://localhost/") and preview.endswith(".jpg")

    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Buurtpreventie werkt"
    assert data["datePublished"] == "2023-12-20"
    article.refresh_from_db()
    assert data["dateModified"] == article.last_published_at.isoformat()
    assert data["image"] == [preview]
    assert data["publisher"]["name"] == "Veiligheidscoalitie Midden-Nederland"
    assert data["publisher"]["logo"]["url"].startswith("http://localhost/static/")


def test_structured_data_cannot_break_out_of_its_script_element(client, site):
    article = make_article(site.news_index, title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html
    (script,) = BeautifulSoup(html, "html.parser").find_all("script", type="application/ld+json")
    assert json.loads(script.string)["headline"] == "</script><script>alert(1)</script>"


def test_an_article_without_an_image_has_no_preview_image(client, site):
    soup = head(client.get(make_article(site.news_index).url))
    assert og(soup, "image") is None
    assert "image" not in json.loads(soup.find("script", type="application/ld+json").string)

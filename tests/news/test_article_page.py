"""A news article: what it shows, its breadcrumbs and the related articles from its category."""

import datetime

from tests.builders import make_article
from tests.markup import breadcrumbs, listed_titles, news_items, soup

D = datetime.date
RELATED = "section.related"


def test_article_shows_category_date_title_and_summary(client, site):
    article = make_article(
        site.news_index,
        title="Werf jij al Burgernetdeelnemers?",
        date=D(2024, 5, 1),
        category=site.categories["Campagnes"],
        summary="Na de landelijke campagne in september is in meerdere gemeenten extra campagne gevoerd.",
    )

    response = client.get(f"/nieuws/{article.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    header = html[
        html.index('<header class="article__header">') : html.index("</header>", html.index("article__header"))
    ]
    assert '<span class="label">Campagnes</span>' in header
    assert '<time datetime="2024-05-01">1 mei 2024</time>' in header
    assert "<h1>Werf jij al Burgernetdeelnemers?</h1>" in header
    assert (
        '<p class="lead">Na de landelijke campagne in september is in meerdere gemeenten extra campagne gevoerd.</p>'
        in (header)
    )
    assert "<title>Werf jij al Burgernetdeelnemers? | Veiligheidscoalitie Midden-Nederland</title>" in html


def test_article_has_breadcrumbs_ending_in_the_current_page(client, site):
    article = make_article(site.news_index, title="Forse daling aantal overvallen")

    response = client.get(article.url)

    assert breadcrumbs(response) == [
        ("Home", "/", False),
        ("Nieuws", "/nieuws/", False),
        ("Forse daling aantal overvallen", f"/nieuws/{article.slug}/", True),
    ]
    assert '<nav class="breadcrumbs" aria-label="Kruimelpad">' in response.content.decode()


def test_news_index_breadcrumbs_mark_it_current(client, site):
    assert breadcrumbs(client.get("/nieuws/")) == [("Home", "/", False), ("Nieuws", "/nieuws/", True)]


def test_related_articles_are_the_three_newest_others_of_the_same_category(client, site):
    tips, campagnes = site.categories["Tips"], site.categories["Campagnes"]
    oldest = make_article(site.news_index, title="Tip 1", category=tips, date=D(2023, 11, 1))
    make_article(site.news_index, title="Tip 2", category=tips, date=D(2023, 11, 2))
    make_article(site.news_index, title="Tip 3", category=tips, date=D(2023, 11, 3))
    make_article(site.news_index, title="Tip 5", category=tips, date=D(2023, 11, 5))
    make_article(site.news_index, title="Tip 4", category=tips, date=D(2023, 11, 4))
    make_article(site.news_index, title="Campagne van vandaag", category=campagnes, date=D(2023, 12, 20))

    response = client.get(oldest.url)

    html = response.content.decode()
    assert '<h2 id="related-heading">Meer over tips</h2>' in html
    assert listed_titles(response, within=RELATED) == ["Tip 5", "Tip 4", "Tip 3"]
    assert "Campagne van vandaag" not in html


def test_related_articles_leave_out_the_article_itself(client, site):
    tips = site.categories["Tips"]
    make_article(site.news_index, title="Tip 1", category=tips, date=D(2023, 11, 1))
    newest = make_article(site.news_index, title="Tip 2", category=tips, date=D(2023, 11, 2))

    response = client.get(newest.url)

    assert listed_titles(response, within=RELATED) == ["Tip 1"]


def test_related_item_links_to_the_other_article(client, site):
    tips = site.categories["Tips"]
    other = make_article(site.news_index, title="Tip 1", category=tips)
    article = make_article(site.news_index, title="Tip 2", category=tips)

    items = news_items(client.get(article.url), within=RELATED)

    assert [(item["title"], item["href"]) for item in items] == [("Tip 1", f"/nieuws/{other.slug}/")]


def test_article_alone_in_its_category_has_no_related_section(client, site):
    article = make_article(site.news_index, title="Het enige onderzoek", category=site.categories["Tips"])
    make_article(site.news_index, title="Een campagne", category=site.categories["Campagnes"])

    response = client.get(article.url)

    assert soup(response).select_one(RELATED) is None
    assert "Meer over" not in response.content.decode()
    assert "Een campagne" not in response.content.decode()

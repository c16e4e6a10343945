"""The RSS feeds /nieuws/feed/ and /nieuws/categorie/<slug>/feed/ and how the listings advertise them."""

import datetime

from tests.builders import make_article, make_articles, make_hidden_article, restrict_to_logged_in
from tests.markup import alternate_feeds, rss

D = datetime.date


def test_feed_is_rss_with_the_live_articles_newest_first(client, site):
    older = make_article(
        site.news_index,
        title="Campagnematerialen ‘Laat je niet interneppen’ beschikbaar",
        date=D(2023, 11, 20),
        category=site.categories["Campagnes"],
        summary="Gratis materialen voor gemeenten & partners.",
    )
    newer = make_article(
        site.news_index,
        title="Geregistreerde criminaliteit stijgt met 2%",
        date=D(2023, 12, 20),
        category=site.categories["Veiligheidsontwikkeling"],
        summary="De grootste stijging zien we bij zakkenrollen (+50%).",
    )

    response = client.get("/nieuws/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = rss(response)
    assert feed["title"] == "Nieuws van de Veiligheidscoalitie Midden-Nederland"
    assert feed["link"].endswith("/nieuws/")
    assert feed["language"] == "nl"
    assert [item["title"] for item in feed["items"]] == [newer.title, older.title]
    assert [item["link"] for item in feed["items"]] == [newer.get_full_url(), older.get_full_url()]
    assert all(item["link"].startswith("http") for item in feed["items"])
    assert [item["categories"] for item in feed["items"]] == [["Veiligheidsontwikkeling"], ["Campagnes"]]
    assert [item["description"] for item in feed["items"]] == [newer.summary, older.summary]
    assert feed["items"][1]["pubDate"].startswith("Mon, 20 Nov 2023")


def test_feed_leaves_out_drafts_unpublished_and_login_only_articles(client, site):
    make_article(site.news_index, title="Openbaar bericht")
    for kind in ("draft", "unpublished", "login_restricted"):
        make_hidden_article(site.news_index, kind, title=f"Verborgen bericht ({kind})")

    feed = rss(client.get("/nieuws/feed/"))

    assert [item["title"] for item in feed["items"]] == ["Openbaar bericht"]


def test_feed_of_a_login_only_news_index_asks_to_log_in(client, site):
    make_article(site.news_index, title="Achter de inlog")
    restrict_to_logged_in(site.news_index)

    response = client.get("/nieuws/feed/")

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "Achter de inlog" not in response.content.decode()


def test_feed_holds_the_twenty_newest(client, site):
    make_articles(site.news_index, 25)

    feed = rss(client.get("/nieuws/feed/"))

    assert [item["title"] for item in feed["items"]] == [f"Bericht nr. {n}" for n in range(25, 5, -1)]


def test_category_feed_holds_only_that_category(client, site):
    tips = site.categories["Tips"]
    make_article(site.news_index, title="Tip één", category=tips, date=D(2023, 11, 20))
    make_article(site.news_index, title="Campagne", category=site.categories["Campagnes"])
    make_article(site.news_index, title="Tip twee", category=tips, date=D(2023, 12, 20))
    make_hidden_article(site.news_index, "login_restricted", title="Tip voor ingelogden", category=tips)
    make_hidden_article(site.news_index, "draft", title="Tip in concept", category=tips)

    response = client.get("/nieuws/categorie/tips/feed/")

    assert response.status_code == 200
    feed = rss(response)
    assert feed["title"] == "Tips – nieuws van de Veiligheidscoalitie Midden-Nederland"
    assert [item["title"] for item in feed["items"]] == ["Tip twee", "Tip één"]
    assert {category for item in feed["items"] for category in item["categories"]} == {"Tips"}


def test_empty_feed_is_still_valid_rss(client, site):
    response = client.get("/nieuws/categorie/onderzoeken-en-rapporten/feed/")

    assert response.status_code == 200
    assert rss(response)["items"] == []


def test_listing_advertises_the_feed(client, site):
    make_article(site.news_index, title="Bericht in de feed")

    response = client.get("/nieuws/")

    assert alternate_feeds(response) == ["/nieuws/feed/"]
    assert 'class="feed-link" href="/nieuws/feed/"' in response.content.decode()
    advertised = client.get(alternate_feeds(response)[0])
    assert [item["title"] for item in rss(advertised)["items"]] == ["Bericht in de feed"]


def test_category_listing_advertises_the_category_feed_too(client, site):
    make_article(site.news_index, title="Tip", category=site.categories["Tips"])
    make_article(site.news_index, title="Campagne", category=site.categories["Campagnes"])

    response = client.get("/nieuws/categorie/tips/")

    assert alternate_feeds(response) == ["/nieuws/feed/", "/nieuws/categorie/tips/feed/"]
    advertised = client.get("/nieuws/categorie/tips/feed/")
    assert [item["title"] for item in rss(advertised)["items"]] == ["Tip"]


def test_archive_pages_advertise_the_feed(client, site):
    make_article(site.news_index, date=D(2023, 11, 20))

    assert alternate_feeds(client.get("/nieuws/2023/11/")) == ["/nieuws/feed/"]


def test_control_characters_pasted_into_an_article_do_not_break_the_feed(client, site):
    # A word processor's manual line break (Shift+Enter) pastes as \x0b, which XML 1.0 cannot hold.
    make_article(site.news_index, title="Regel een\x0bregel twee", summary="Tekst uit Word\x0cmet\x08tekens.")
    make_article(site.news_index, title="Gewoon bericht")

    response = client.get("/nieuws/feed/")

    assert response.status_code == 200
    assert [item["title"] for item in rss(response)["items"]] == ["Gewoon bericht", "Regel een regel twee"]
    assert rss(response)["items"][1]["description"] == "Tekst uit Word met tekens."

"""The news overview /nieuws/: order, pagination, category filter, year and month archives, what an item shows."""

import datetime

import pytest

from tests.builders import make_article, make_articles
from tests.markup import archive_links, listed_titles, news_items, page_text, pagination_links

D = datetime.date


def test_listing_is_newest_first_by_date_with_the_newest_page_first_on_a_tie(client, site):
    make_article(site.news_index, title="Oud", date=D(2023, 11, 20))
    make_article(site.news_index, title="Nieuw, eerst aangemaakt", date=D(2023, 12, 20))
    make_article(site.news_index, title="Midden", date=D(2023, 11, 23))
    make_article(site.news_index, title="Nieuw, later aangemaakt", date=D(2023, 12, 20))
    make_article(site.news_index, title="Oudst", date=D(2022, 1, 5))

    response = client.get("/nieuws/")

    assert response.status_code == 200
    assert listed_titles(response) == ["Nieuw, later aangemaakt", "Nieuw, eerst aangemaakt", "Midden", "Oud", "Oudst"]
    assert "5 berichten" in page_text(response)


def test_first_page_shows_the_ten_newest(client, site):
    make_articles(site.news_index, 23)

    response = client.get("/nieuws/")

    assert listed_titles(response) == [f"Bericht nr. {n}" for n in range(23, 13, -1)]
    assert "23 berichten, pagina 1 van 3" in page_text(response)
    links = pagination_links(response)
    assert ("Pagina 1", "?page=1", True) in links
    assert [label for label, _, current in links if current] == ["Pagina 1"]
    assert ("Volgende pagina", "?page=2", False) in links
    assert not any(label.startswith("Vorige") for label, _, _ in links)


def test_second_page_shows_items_eleven_to_twenty_and_marks_its_number_current(client, site):
    make_articles(site.news_index, 23)

    response = client.get("/nieuws/", {"page": 2})

    assert response.status_code == 200
    assert listed_titles(response) == [f"Bericht nr. {n}" for n in range(13, 3, -1)]
    assert "23 berichten, pagina 2 van 3" in page_text(response)
    links = pagination_links(response)
    assert [(label, href) for label, href, current in links if current] == [("Pagina 2", "?page=2")]
    assert ("Vorige pagina", "?page=1", False) in links
    assert ("Volgende pagina", "?page=3", False) in links
    assert ("Pagina 1", "?page=1", False) in links
    assert ("Pagina 3", "?page=3", False) in links
    assert "<title>Nieuws – pagina 2 |" in response.content.decode()


def test_last_page_shows_the_rest(client, site):
    make_articles(site.news_index, 23)

    response = client.get("/nieuws/", {"page": 3})

    assert listed_titles(response) == ["Bericht nr. 3", "Bericht nr. 2", "Bericht nr. 1"]
    assert not any(label.startswith("Volgende") for label, _, _ in pagination_links(response))


def test_ten_articles_need_no_pagination(client, site):
    make_articles(site.news_index, 10)

    response = client.get("/nieuws/")

    assert len(listed_titles(response)) == 10
    assert pagination_links(response) == []
    assert 'class="pagination"' not in response.content.decode()


def test_category_page_lists_only_that_category(client, site):
    tips, campagnes = site.categories["Tips"], site.categories["Campagnes"]
    make_article(site.news_index, title="Tip: sluit je fiets", category=tips, date=D(2023, 11, 20))
    make_article(site.news_index, title="Campagne Burgernet", category=campagnes)
    make_article(site.news_index, title="Tip: deur op slot", category=tips, date=D(2023, 12, 20))

    response = client.get("/nieuws/categorie/tips/")

    assert response.status_code == 200
    assert listed_titles(response) == ["Tip: deur op slot", "Tip: sluit je fiets"]
    assert {item["category"] for item in news_items(response)} == {"Tips"}
    html = response.content.decode()
    assert "<h1>Nieuws: Tips</h1>" in html
    assert '<a href="/nieuws/categorie/tips/" aria-current="page">Tips</a>' in html
    assert '<a href="/nieuws/categorie/campagnes/">Campagnes</a>' in html
    assert "2 berichten" in page_text(response)


def test_category_pages_are_paginated(client, site):
    tips = site.categories["Tips"]
    make_articles(site.news_index, 12, category=tips)
    make_article(site.news_index, title="Geen tip", category=site.categories["Campagnes"])

    response = client.get("/nieuws/categorie/tips/", {"page": 2})

    assert listed_titles(response) == ["Bericht nr. 2", "Bericht nr. 1"]
    assert "12 berichten, pagina 2 van 2" in page_text(response)
    assert [label for label, _, current in pagination_links(response) if current] == ["Pagina 2"]


def test_category_without_articles_says_so(client, site):
    make_article(site.news_index, category=site.categories["Campagnes"])

    response = client.get("/nieuws/categorie/onderzoeken-en-rapporten/")

    assert response.status_code == 200
    assert listed_titles(response) == []
    assert "Er zijn hier (nog) geen berichten." in page_text(response)


def test_year_archive_lists_only_that_year(client, site):
    make_article(site.news_index, title="December 2023", date=D(2023, 12, 20))
    make_article(site.news_index, title="Januari 2024", date=D(2024, 1, 3))
    make_article(site.news_index, title="Januari 2023", date=D(2023, 1, 2))
    make_article(site.news_index, title="December 2022", date=D(2022, 12, 31))

    response = client.get("/nieuws/2023/")

    assert response.status_code == 200
    assert listed_titles(response) == ["December 2023", "Januari 2023"]
    assert "<h1>Nieuws: 2023</h1>" in response.content.decode()


def test_month_archive_lists_only_that_month(client, site):
    make_article(site.news_index, title="23 november", date=D(2023, 11, 23))
    make_article(site.news_index, title="20 december", date=D(2023, 12, 20))
    make_article(site.news_index, title="1 november", date=D(2023, 11, 1))
    make_article(site.news_index, title="30 november", date=D(2023, 11, 30))
    make_article(site.news_index, title="November vorig jaar", date=D(2022, 11, 15))

    response = client.get("/nieuws/2023/11/")

    assert response.status_code == 200
    assert listed_titles(response) == ["30 november", "23 november", "1 november"]
    html = response.content.decode()
    assert "<h1>Nieuws: november 2023</h1>" in html
    assert ("november 2023", "/nieuws/2023/11/", True) in archive_links(response)


def test_archive_links_the_years_newest_first_and_the_months_of_the_year_shown(client, site):
    for day in (D(2023, 11, 20), D(2023, 12, 20), D(2023, 11, 23), D(2024, 5, 1), D(2021, 3, 1)):
        make_article(site.news_index, date=day)

    def archive(url):
        """The archive's link texts on `url`, and the addresses of those marked as the page shown."""
        links = archive_links(client.get(url))
        return [label for label, _, _ in links], [href for _, href, current in links if current]

    # The index opens the newest year; a year or month archive opens its own year and marks itself.
    assert archive("/nieuws/") == (["2024", "mei 2024", "2023", "2021"], [])
    opened_2023 = ["2024", "2023", "december 2023", "november 2023", "2021"]
    assert archive("/nieuws/2023/") == (opened_2023, ["/nieuws/2023/"])
    assert archive("/nieuws/2023/11/") == (opened_2023, ["/nieuws/2023/11/"])
    assert archive("/nieuws/categorie/campagnes/")[0] == ["2024", "mei 2024", "2023", "2021"]
    hrefs = [href for _, href, _ in archive_links(client.get("/nieuws/2023/"))]
    assert hrefs == ["/nieuws/2024/", "/nieuws/2023/", "/nieuws/2023/12/", "/nieuws/2023/11/", "/nieuws/2021/"]


def test_empty_month_says_so(client, site):
    make_article(site.news_index, date=D(2023, 12, 20))

    response = client.get("/nieuws/2023/10/")

    assert response.status_code == 200
    assert listed_titles(response) == []
    assert "Er zijn hier (nog) geen berichten." in page_text(response)


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (D(2023, 12, 20), "20 dec. 2023"),
        (D(2024, 5, 1), "1 mei 2024"),
        (D(2024, 3, 3), "3 mrt. 2024"),
        (D(2023, 11, 23), "23 nov. 2023"),
        (D(2024, 6, 9), "9 jun. 2024"),
    ],
)
def test_item_shows_category_dutch_short_date_title_link_and_summary(client, site, day, shown):
    article = make_article(
        site.news_index,
        title="Forse daling aantal overvallen met geweld",
        date=day,
        category=site.categories["Onderzoeken en rapporten"],
        summary="Het aantal overvallen met geweld daalde met 25%.",
    )

    (item,) = news_items(client.get("/nieuws/"))

    assert item == {
        "category": "Onderzoeken en rapporten",
        "date": shown,
        "datetime": day.isoformat(),
        "title": "Forse daling aantal overvallen met geweld",
        "href": article.url,
        "summary": "Het aantal overvallen met geweld daalde met 25%.",
    }
    assert item["href"] == f"/nieuws/{article.slug}/"


def test_item_link_leads_to_the_article(client, site):
    make_article(site.news_index, title="Werf Burgernetdeelnemers", category=site.categories["Campagnes"])

    (item,) = news_items(client.get("/nieuws/"))
    response = client.get(item["href"])

    assert response.status_code == 200
    assert "<h1>Werf Burgernetdeelnemers</h1>" in response.content.decode()


def test_title_with_markup_characters_is_shown_escaped(client, site):
    make_article(site.news_index, title="Campagne ‘Laat je niet <interneppen>’ & meer")

    response = client.get("/nieuws/")

    assert "<interneppen>" not in response.content.decode()
    assert listed_titles(response) == ["Campagne ‘Laat je niet <interneppen>’ & meer"]

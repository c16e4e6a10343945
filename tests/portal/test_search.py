"""Site search /zoeken/: Dutch stemming on PostgreSQL, the word list for near-misses, visibility, paging, odd input."""

import psycopg
import pytest

from portal.models import SearchWord
from tests.apothekerskast.builders import make_library, make_toolkit
from tests.builders import (
    make_article,
    make_articles,
    make_hidden_article,
    make_standard_page,
    restrict_to_logged_in,
)
from tests.markup import page_text, pagination_links, search_results, soup
from tests.portal import pg_cluster
from tests.query_counts import queries_on


def titles(response):
    return [title for title, _ in search_results(response)]


def test_dutch_stemming_finds_another_form_of_the_word(client, site):
    # "inbraak" and "inbraken" share the Dutch stem "inbrak"; their trigram similarity is below the
    # fallback's threshold, so only the stemming full-text search can find this article.
    article = make_article(site.news_index, title="Minder woninginbraken", summary="Het aantal inbraken daalt.")
    make_article(site.news_index, title="Burgernet", summary="Werf Burgernetdeelnemers in Utrecht.")

    response = client.get("/zoeken/", {"q": "inbraak"})

    assert response.status_code == 200
    assert search_results(response) == [("Minder woninginbraken", article.url)]
    assert "1 resultaat voor ‘inbraak’" in page_text(response)


def test_stemming_matches_plural_and_singular(client, site):
    make_article(site.news_index, title="Samenwerking", summary="Alle gemeenten in Midden-Nederland doen mee.")

    assert titles(client.get("/zoeken/", {"q": "gemeente"})) == ["Samenwerking"]


def test_overvallen_finds_an_article_about_an_overval(client, site):
    make_article(site.news_index, title="Daling", summary="Een overval met geweld komt minder vaak voor.")
    make_article(site.news_index, title="Burgernet", summary="Werf Burgernetdeelnemers in Utrecht.")

    assert titles(client.get("/zoeken/", {"q": "overvallen"})) == ["Daling"]


@pytest.mark.parametrize(
    ("query", "title", "message"),
    [
        # Dutch stemming keeps "zakkenroller" and "zakkenroll(en)" apart.
        (
            "zakkenroller",
            "Geregistreerde criminaliteit stijgt",
            "Geen resultaten voor ‘zakkenroller’. Wel 1 resultaat voor ‘zakkenrollen’",
        ),
        # A typo in one of two words: it is corrected, and both words must still match.
        ("Ondermijning Amersfort", "Ondermijning in Amersfoort", "Wel 1 resultaat voor ‘ondermijning amersfoort’"),
    ],
)
def test_a_word_that_finds_nothing_is_replaced_by_the_most_similar_word_on_the_site(
    client, site, query, title, message
):
    # portal.search.search_pages searches again when the full-text search finds nothing.
    make_article(
        site.news_index,
        title="Geregistreerde criminaliteit stijgt",
        summary="De grootste stijging zien we bij zakkenrollen (+50%).",
    )
    make_article(site.news_index, title="Ondermijning in Utrecht", summary="Samen tegen ondermijning.")
    make_article(site.news_index, title="Ondermijning in Amersfoort", summary="Samen tegen ondermijning.")

    response = client.get("/zoeken/", {"q": query})

    assert titles(response) == [title]
    assert message in page_text(response)


def test_a_word_without_a_similar_word_on_the_site_finds_nothing(client, site):
    make_article(site.news_index, title="Inbraken", summary="Het aantal inbraken daalt.")

    response = client.get("/zoeken/", {"q": "kwartelkoning"})

    assert titles(response) == []
    assert "Geen resultaten voor ‘kwartelkoning’. Probeer een ander of korter zoekwoord." in page_text(response)


def test_the_word_list_learns_the_words_of_a_republished_page(client, site):
    article = make_article(site.news_index, title="Buurtpreventie", summary="Bewoners lopen samen door de wijk.")
    assert titles(client.get("/zoeken/", {"q": "hennepkweker"})) == []

    article.summary = "Bewoners melden hennepkwekerijen."
    article.save_revision().publish()

    assert SearchWord.objects.filter(word="hennepkwekerijen").exists()
    assert titles(client.get("/zoeken/", {"q": "hennepkweker"})) == ["Buurtpreventie"]


def test_all_words_must_match(client, site):
    make_article(site.news_index, title="Inbraken in Utrecht", summary="Het aantal inbraken in Utrecht daalt.")
    make_article(site.news_index, title="Inbraken in Amersfoort", summary="Het aantal inbraken in Amersfoort stijgt.")

    assert titles(client.get("/zoeken/", {"q": "inbraak utrecht"})) == ["Inbraken in Utrecht"]


def test_search_finds_standard_pages_by_their_body(client, site):
    make_standard_page(
        site.home,
        title="Toegankelijkheid",
        body=[{"type": "paragraph", "value": "<p>De site werkt met schermlezers en vergroting.</p>"}],
    )

    assert titles(client.get("/zoeken/", {"q": "schermlezers"})) == ["Toegankelijkheid"]


def test_results_are_only_live_public_pages(client, site):
    make_article(site.news_index, title="Openbaar bericht", summary="Over de kwartelkoning.")
    for kind in ("draft", "unpublished", "login_restricted"):
        make_hidden_article(site.news_index, kind, title=f"Verborgen {kind}", summary="Ook over de kwartelkoning.")
    make_standard_page(site.home, title="Kwartelkoning concept", live=False, summary="De kwartelkoning.")

    response = client.get("/zoeken/", {"q": "kwartelkoning"})

    assert titles(response) == ["Openbaar bericht"]
    assert "Verborgen" not in response.content.decode()
    assert "Kwartelkoning concept" not in response.content.decode()


def hide_word(site, kind, word):
    """`word` where no visitor may read it: on a login-only page, in a draft, in a toolkit in the apothekerskast or in
    the title of a private document in the library's collection."""
    text = f"Een {word} en zakkenrollen."
    if kind in ("login_restricted", "draft"):
        make_hidden_article(site.news_index, kind, title=f"Over {word}", summary=text)
    elif kind == "toolkit":
        make_toolkit(make_library(site.home).index, f"Toolkit {word}", summary=text)
    else:
        document = make_library(site.home).document
        document.title = f"Draaiboek {word} en zakkenrollen"
        document.save()


def anonymous_answer(client, word):
    """The search page for `word` as a visitor gets it, the word replaced, to compare the answers to two words."""
    return client.get("/zoeken/", {"q": word}).content.decode().replace(word, "WOORD")


@pytest.mark.parametrize("kind", ["login_restricted", "draft", "toolkit", "private_document"])
def test_a_word_only_on_hidden_pages_or_private_documents_changes_no_anonymous_answer(client, site, kind):
    make_article(site.news_index, title="Waarschuwing", summary="Pas op voor zakkenrollen.")
    hide_word(site, kind, "zakkenroller")

    # A made-up word as alike to "zakkenrollen" as the hidden word gets the same answer: the same correction, and a
    # count of the public page alone.
    assert anonymous_answer(client, "zakkenroller") == anonymous_answer(client, "zakkenrollex")
    response = client.get("/zoeken/", {"q": "zakkenroller"})
    assert "Geen resultaten voor ‘zakkenroller’. Wel 1 resultaat voor ‘zakkenrollen’" in page_text(response)
    assert titles(response) == ["Waarschuwing"]


@pytest.fixture
def few_candidates(monkeypatch):
    """The search ranks at most two pages with the words in their title and two others (SEARCH_CANDIDATES)."""
    monkeypatch.setattr("portal.search.SEARCH_CANDIDATES", 2)


@pytest.mark.parametrize("kind", ["login_restricted", "draft", "toolkit", "private_document"])
def test_a_word_on_hidden_pages_changes_no_result_count_or_more_than_figure(client, site, few_candidates, kind):
    make_articles(site.news_index, 2, title="Openbaar bericht", summary="Over de kwartelkoning.")
    before = anonymous_answer(client, "kwartelkoning")

    # One hidden page more than the ranking takes, with the word in its title: counted or ranked, it would show.
    hide_word(site, kind, "kwartelkoning")

    assert anonymous_answer(client, "kwartelkoning") == before
    response = client.get("/zoeken/", {"q": "kwartelkoning"})
    assert "2 resultaten voor ‘kwartelkoning’" in page_text(response)
    assert "Meer dan" not in page_text(response)
    assert titles(response) == ["Openbaar bericht 2", "Openbaar bericht 1"]


def test_more_matches_than_are_ranked_are_said_to_be_more(client, site, few_candidates):
    make_articles(site.news_index, 3, title="Bericht", summary="Over de kwartelkoning.")

    response = client.get("/zoeken/", {"q": "kwartelkoning"})

    assert "Meer dan 2 resultaten voor ‘kwartelkoning’" in page_text(response)
    assert len(titles(response)) == 3


def test_more_matches_of_a_corrected_word_are_said_to_be_more(client, site, few_candidates):
    make_articles(site.news_index, 3, title="Bericht", summary="Pas op voor zakkenrollen.")

    response = client.get("/zoeken/", {"q": "zakkenroller"})

    assert "Geen resultaten voor ‘zakkenroller’. Wel meer dan 2 resultaten voor ‘zakkenrollen’" in page_text(response)


def test_a_title_match_comes_first_among_more_matches_than_are_ranked(client, site, few_candidates):
    make_articles(site.news_index, 4, title="Bericht", summary="Iets over de kwartelkoning.")
    make_article(site.news_index, title="De kwartelkoning", summary="Een vogel.")

    assert titles(client.get("/zoeken/", {"q": "kwartelkoning"}))[0] == "De kwartelkoning"


def restrict_page(site, section, page):
    restrict_to_logged_in(page)


def unrestrict_page(site, section, page):
    page.view_restrictions.all().delete()


def restrict_section(site, section, page):
    restrict_to_logged_in(section)


def unrestrict_section(site, section, page):
    section.view_restrictions.all().delete()


def unpublish(site, section, page):
    page.unpublish()


def republish(site, section, page):
    page.save_revision().publish()


def move_into_a_private_section(site, section, page):
    private = make_standard_page(site.home, title="Intern")
    restrict_to_logged_in(private)
    page.move(private, pos="last-child")


def move_back(site, section, page):
    page.refresh_from_db()
    section.refresh_from_db()
    page.move(section, pos="last-child")


def delete(site, section, page):
    page.delete()


def delete_section(site, section, page):
    section.delete()


@pytest.mark.parametrize(
    ("hide", "show"),
    [
        (restrict_page, unrestrict_page),
        (restrict_section, unrestrict_section),
        (unpublish, republish),
        (move_into_a_private_section, move_back),
        (delete, None),
        (delete_section, None),
    ],
)
def test_the_word_list_follows_a_page_leaving_and_rejoining_the_public_site(client, site, hide, show):
    make_article(site.news_index, title="Waarschuwing", summary="Pas op voor zakkenrollen.")
    section = make_standard_page(site.home, title="Dossiers")
    page = make_standard_page(section, title="Dossier", summary="Aangifte tegen een zakkenroller.")

    def answer():
        return page_text(client.get("/zoeken/", {"q": "zakkenroler"}))

    assert "Wel 1 resultaat voor ‘zakkenroller’" in answer()
    hide(site, section, page)
    assert "Geen resultaten voor ‘zakkenroler’. Wel 1 resultaat voor ‘zakkenrollen’" in answer()
    if show:
        show(site, section, page)
        assert "Wel 1 resultaat voor ‘zakkenroller’" in answer()


def word_list_queries(delete):
    """The queries on the word list that `delete()` costs."""
    return queries_on("portal_searchword", delete)


def test_a_deleted_section_takes_back_the_words_of_all_its_pages_at_once(client, site):
    small, large = make_standard_page(site.home, title="Dossiers"), make_standard_page(site.home, title="Archief")
    for section, count in ((small, 2), (large, 12)):
        for number in range(count):
            make_standard_page(section, title=f"{section.title} {number}", summary="Aangifte tegen een zakkenroller.")

    two, twelve = word_list_queries(small.delete), word_list_queries(large.delete)

    assert len(two) == len(twelve)  # not once per page
    assert not SearchWord.objects.filter(word="zakkenroller").exists()
    assert "Geen resultaten voor ‘zakkenroller’" in page_text(client.get("/zoeken/", {"q": "zakkenroller"}))


def test_unpublished_changes_of_a_live_page_are_not_searchable(client, site):
    article = make_article(site.news_index, title="Gepubliceerde titel", summary="Openbare tekst.")
    article.title = "Geheime concepttitel"
    article.summary = "Nog niet openbaar: kwartelkoning."
    article.save_revision()

    assert titles(client.get("/zoeken/", {"q": "kwartelkoning"})) == []
    assert titles(client.get("/zoeken/", {"q": "openbare"})) == ["Gepubliceerde titel"]


def test_results_are_paginated_ten_per_page(client, site):
    make_articles(site.news_index, 12, title="Fietsdiefstal", summary="Over fietsendiefstal.")

    first = client.get("/zoeken/", {"q": "fietsendiefstal"})
    second = client.get("/zoeken/", {"q": "fietsendiefstal", "page": 2})

    assert len(titles(first)) == 10
    assert len(titles(second)) == 2
    assert set(titles(first)) | set(titles(second)) == {f"Fietsdiefstal {number}" for number in range(1, 13)}
    assert "12 resultaten voor ‘fietsendiefstal’" in page_text(first)
    assert [(label, href) for label, href, current in pagination_links(second) if current] == [
        ("Pagina 2", "?q=fietsendiefstal&page=2")
    ]
    assert ("Vorige pagina", "?q=fietsendiefstal&page=1", False) in pagination_links(second)
    assert ("Volgende pagina", "?q=fietsendiefstal&page=2", False) in pagination_links(first)
    assert client.get("/zoeken/", {"q": "fietsendiefstal", "page": 3}).status_code == 404


@pytest.mark.parametrize("number", ["0", "00", "-1", "3", "99999", "1000000", "abc", "1.5", "²"])
def test_a_page_number_that_is_not_a_page_of_the_results_is_a_404(client, site, number):
    make_articles(site.news_index, 12, title="Fietsdiefstal", summary="Over fietsendiefstal.")

    response = client.get("/zoeken/", {"q": "fietsendiefstal", "page": number})

    assert response.status_code == 404
    assert "Pagina niet gevonden" in page_text(response)


def test_the_second_page_of_a_corrected_search_continues_the_corrected_results(client, site):
    make_articles(site.news_index, 12, title="Waarschuwing", summary="Pas op voor zakkenrollen.")

    first = client.get("/zoeken/", {"q": "zakkenroler"})
    second = client.get("/zoeken/", {"q": "zakkenroler", "page": 2})

    assert "Geen resultaten voor ‘zakkenroler’. Wel 12 resultaten voor ‘zakkenrollen’" in page_text(second)
    assert len(titles(second)) == 2
    assert set(titles(first)) | set(titles(second)) == {f"Waarschuwing {number}" for number in range(1, 13)}
    assert client.get("/zoeken/", {"q": "zakkenroler", "page": 3}).status_code == 404


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01\x7f"])
def test_empty_query_shows_the_form_without_results(client, site, query):
    make_article(site.news_index, title="Een bericht")

    response = client.get("/zoeken/", {"q": query} if query else {})

    assert response.status_code == 200
    html = response.content.decode()
    form = soup(response).select_one("form.search-form")
    assert form["action"] == "/zoeken/"
    field = form.select_one("input#search-q")
    assert (field["type"], field["name"], field["maxlength"], field["value"]) == ("search", "q", "100", "")
    assert search_results(response) == []
    assert 'class="result-count"' not in html
    assert "Geen resultaten" not in html
    assert "<title>Zoeken | Veiligheidscoalitie Midden-Nederland</title>" in html


ODD_QUERIES = [
    "x" * 1000,
    "inbraak " * 125,
    "a & | ! : * ( ) '",
    "'",
    "''",
    "\\",
    "a\\",
    "foo:*",
    "a:b",
    "<->",
    "a <-> b",
    "!!",
    "(",
    "'a' | 'b'",
    "%s %d %%",
    "50%",
    "\x00",
    "in\x00braak",
    "\x01\x02\x1b[31m",
    "\ufffd",
    "é ñ ü ß",
    "😀",
    "<script>alert(1)</script>",
    "; DROP TABLE wagtailcore_page; --",
    "de het een",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_answer_with_the_search_page(client, site, query):
    client.raise_request_exception = False
    make_article(site.news_index, title="Minder inbraken", summary="Het aantal inbraken daalt.")

    response = client.get("/zoeken/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Zoeken</h1>" in html
    assert "<script>alert" not in html
    assert "\x00" not in html


@pytest.mark.parametrize(
    "query_string", ["q=%ff", "q=%ff%fe%fd", "q=inbraak%ff", "q=%00", "q=a%00b%01%1f", "q=%c3", "q=%", "q=%zz"]
)
def test_invalid_percent_encoding_answers_with_the_search_page(client, site, query_string):
    client.raise_request_exception = False

    response = client.get(f"/zoeken/?{query_string}")

    assert response.status_code == 200
    assert "<h1>Zoeken</h1>" in response.content.decode()


def test_long_query_is_cut_to_the_maximum_length(client, site):
    response = client.get("/zoeken/", {"q": "a" * 1000})

    assert response.status_code == 200
    assert f'value="{"a" * 100}"' in response.content.decode()
    assert "a" * 101 not in response.content.decode()


def test_control_characters_are_dropped_and_the_words_still_found(client, site):
    make_article(site.news_index, title="Minder inbraken", summary="Het aantal inbraken daalt.")

    response = client.get("/zoeken/?q=%00inbraak%01%7f")

    assert titles(response) == ["Minder inbraken"]
    assert "1 resultaat voor ‘inbraak’" in page_text(response)


def test_tsquery_metacharacters_around_a_word_still_find_it(client, site):
    make_article(site.news_index, title="Minder inbraken", summary="Het aantal inbraken daalt.")

    for query in ["inbraak !", "(inbraak)", "inbraak:*", "'inbraak'", "inbraak & |"]:
        assert titles(client.get("/zoeken/", {"q": query})) == ["Minder inbraken"], query


def test_query_is_shown_back_escaped(client, site):
    response = client.get("/zoeken/", {"q": '<b>"inbraak"</b>'})

    html = response.content.decode()
    assert "<b>" not in html
    assert 'Geen resultaten voor ‘<b>"inbraak"</b>’' in page_text(response)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_search_that_takes_too_long_is_stopped_with_a_clear_message(client, site):
    make_article(site.news_index, title="Inbraken", summary="Het aantal inbraken daalt.")
    # Another client holds the public pages' search vectors, so the search waits as long as on an overloaded database,
    # until the time limit (SEARCH_STATEMENT_TIMEOUT_MS) stops it.
    with psycopg.connect(pg_cluster.database_url()) as locker:
        locker.execute("LOCK TABLE portal_publicpagewords IN ACCESS EXCLUSIVE MODE")
        response = client.get("/zoeken/", {"q": "inbraak"})

    assert response.status_code == 200
    assert "Deze zoekopdracht kost te veel tijd" in page_text(response)
    assert titles(response) == []
    assert titles(client.get("/zoeken/", {"q": "inbraak"})) == ["Inbraken"]

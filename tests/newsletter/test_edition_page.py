import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from newsletter.models import NewsletterEditionPage, NewsletterIndexPage
from tests.builders import make_article, restrict_to_logged_in
from tests.events.builders import make_agenda, make_event
from tests.newsletter.builders import make_edition


class NewsletterPageTreeTests(WagtailPageTestCase):
    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(NewsletterIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsletterIndexPage, {NewsletterEditionPage})
        self.assertAllowedSubpageTypes(NewsletterEditionPage, {})
        self.assertEqual(NewsletterIndexPage.max_count, 1)


@pytest.mark.django_db
def test_the_web_view_lists_the_chosen_items_in_order_without_hidden_ones(client, site, newsletter):
    agenda = make_agenda(site.home)
    second = make_article(site.news_index, title="Tweede bericht")
    event = make_event(agenda, title="Netwerkbijeenkomst", day_part="ochtend", save_the_date=True)
    first = make_article(site.news_index, title="Eerste bericht")
    hidden = make_article(site.news_index, title="Besloten bericht")
    restrict_to_logged_in(hidden)
    edition = make_edition(newsletter, [first, event, second, hidden], title="Nieuwsbrief december")

    html = client.get(edition.url).content.decode()
    positions = [html.index(title) for title in ("Eerste bericht", "Netwerkbijeenkomst", "Tweede bericht")]
    assert positions == sorted(positions)
    assert "Besloten bericht" not in html
    assert "Welkom bij deze editie." in html

    index_html = client.get("/nieuwsbrief/").content.decode()
    assert f'href="{edition.url}"' in index_html and 'name="email"' in index_html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["edition", "/nieuwsbrief/"])
def test_newsletter_queries_are_few_and_flat_with_the_number_of_items(client, site, newsletter, path):
    agenda = make_agenda(site.home)

    def count_queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = make_edition(newsletter, [make_article(site.news_index), make_event(agenda)])
    many_pages = [make_article(site.news_index) for _ in range(12)] + [make_event(agenda) for _ in range(6)]
    url = few.url if path == "edition" else path
    before = count_queries(url)
    many = make_edition(newsletter, many_pages)
    for _ in range(5):
        make_edition(newsletter)
    after = count_queries(many.url if path == "edition" else path)
    assert before == after <= 15

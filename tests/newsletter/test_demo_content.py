"""The demo editions hold the seed's news items of 20 Dec 2023 (14) and 20 Nov 2023 (5), in the seed's order."""

import datetime

import pytest

from newsletter.models import NewsletterEditionPage
from tests.builders import load_demo_content
from tests.seeds import NEWS_SEED, parse_news_seed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(db):
    return load_demo_content()


@pytest.mark.parametrize(("day", "count"), [(datetime.date(2023, 12, 20), 14), (datetime.date(2023, 11, 20), 5)])
def test_each_seed_date_has_an_edition_of_its_items_in_seed_order(client, day, count):
    seed_titles = [item["title"] for item in parse_news_seed(NEWS_SEED.read_text()) if item["date"] == day]
    assert len(seed_titles) == count
    edition = NewsletterEditionPage.objects.get(date=day)
    assert edition.live and edition.intro == ""  # the seed gives no intro: none is invented
    assert [entry.title for entry in edition.entries()] == seed_titles

    html = client.get(edition.url).content.decode()
    positions = [html.index(title.replace("’", "’")) for title in seed_titles[:3]]
    assert positions == sorted(positions)
    assert f'href="{edition.url}"' in client.get("/nieuwsbrief/").content.decode()


def test_loading_twice_changes_nothing():
    before = list(NewsletterEditionPage.objects.values_list("pk", "latest_revision_id").order_by("pk"))
    load_demo_content()
    assert list(NewsletterEditionPage.objects.values_list("pk", "latest_revision_id").order_by("pk")) == before

"""Go-live and expiry dates, carried out by the scheduler (`run_scheduler`, whose jobs include publish_scheduled).

A scheduled article is absent from the listing, the feed, the sitemap and the search until its go-live time has
passed and the scheduler has run; after its expiry time and another run it is gone from all four again.
"""

import datetime
import io

import pytest
import yaml
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsArticlePage
from tests.builders import make_article
from tests.markup import sitemap_content

pytestmark = pytest.mark.django_db
TITLE = "Zonnebloemveld wordt buurtpark"


def visible_in(client, article):
    """Where visitors find the article: the listing, the RSS feed, the sitemap and the search."""
    return {
        "listing": TITLE in client.get("/nieuws/").content.decode(),
        "feed": TITLE in client.get("/nieuws/feed/").content.decode(),
        "sitemap": f"/nieuws/{article.slug}/" in sitemap_content(client),
        "search": TITLE in client.get("/zoeken/", {"q": "Zonnebloemveld"}).content.decode(),
        "page": client.get(f"/nieuws/{article.slug}/").status_code == 200,
    }


def run_scheduler():
    output = io.StringIO()
    call_command("run_scheduler", once=True, stdout=output)
    return output.getvalue()


def test_a_scheduled_article_goes_live_at_its_time_and_disappears_after_expiry(client, site):
    article = make_article(site.news_index, title=TITLE, live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live and article.scheduled_revision is not None

    run_scheduler()  # too early: nothing changes
    assert not any(visible_in(client, article).values())

    # The go-live time passes.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    run_scheduler()
    article.refresh_from_db()
    assert article.live
    assert visible_in(client, article) == dict.fromkeys(["listing", "feed", "sitemap", "search", "page"], True)

    # The expiry time passes.
    NewsArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    run_scheduler()
    article.refresh_from_db()
    assert not article.live and article.expired
    assert not any(visible_in(client, article).values())


def test_make_run_make_stack_and_compose_run_the_scheduler_every_minute():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    run_recipe = (root / "Makefile").read_text().split("\nrun:", 1)[1].split("\ntest:", 1)[0]  # with `serve`
    assert "run_scheduler" in run_recipe
    assert '"${MANAGE[@]}" run_scheduler' in (root / "bin" / "stack").read_text()
    services = yaml.safe_load((root / "docker-compose.yml").read_text())["services"]
    scheduler = services["scheduler"]
    assert "run_scheduler" in str(scheduler["command"])
    assert scheduler["environment"]["DATABASE_URL"] == services["app"]["environment"]["DATABASE_URL"]
    assert scheduler["depends_on"]["db"]["condition"] == "service_healthy"
    assert "ports" not in scheduler

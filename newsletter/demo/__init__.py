"""Demo newsletter: an edition for each seed date, holding that date's news items in the seed's order."""

from pathlib import Path

import news.demo
from news.models import NewsArticlePage
from newsletter.models import NewsletterEditionPage, NewsletterIndexPage, NewsletterItem
from portal.demo import read_yaml, upsert_page


def load_newsletter(home, news_index):
    data = read_yaml(Path(__file__).resolve().parent / "newsletter.yaml")
    index = upsert_page(
        home, NewsletterIndexPage, data["index"]["slug"], title=data["index"]["title"],
        summary=data["index"]["summary"], show_in_menus=True,
    )  # fmt: skip
    articles = read_yaml(Path(news.demo.__file__).resolve().parent / "news.yaml")["articles"]
    for item in data["editions"]:
        slugs = [article["slug"] for article in articles if article["date"] == item["date"]]
        pages = {page.slug: page for page in NewsArticlePage.objects.child_of(news_index).filter(slug__in=slugs)}
        chosen = [pages[slug].pk for slug in slugs]
        edition = NewsletterEditionPage.objects.child_of(index).filter(slug=item["slug"]).first()
        if edition and list(edition.items.order_by("sort_order").values_list("page_id", flat=True)) == chosen:
            upsert_page(index, NewsletterEditionPage, item["slug"], title=item["title"], date=item["date"])
            continue
        edition = edition or NewsletterEditionPage(slug=item["slug"], title=item["title"], date=item["date"])
        edition.title, edition.date = item["title"], item["date"]
        edition.items = [NewsletterItem(page_id=pk, sort_order=n) for n, pk in enumerate(chosen)]
        if edition.pk is None:
            index.add_child(instance=edition)
        edition.save_revision().publish()
    return index

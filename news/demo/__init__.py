"""Demo news: the seed's six categories and 20 articles, kept verbatim in news.yaml."""

from pathlib import Path

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from portal.demo import read_yaml, upsert_page
from strategy.models import ThemePage


def load_news(home):
    data = read_yaml(Path(__file__).resolve().parent / "news.yaml")
    index = upsert_page(
        home, NewsIndexPage, data["index"]["slug"], title=data["index"]["title"],
        summary=data["index"]["summary"], show_in_menus=True,
    )  # fmt: skip
    categories = {}
    for item in data["categories"]:
        categories[item["slug"]], _ = NewsCategory.objects.update_or_create(
            slug=item["slug"], defaults={"name": item["name"]}
        )
    # Articles clearly about a priority theme of the strategy name its slug; load_strategy runs first.
    themes = {theme.slug: theme for theme in ThemePage.objects.all()}
    # The overview lists same-day articles newest page first, so the seed's last item is created first:
    # /nieuws/ then shows the articles in the seed's own order.
    for item in reversed(data["articles"]):
        upsert_page(
            index,
            NewsArticlePage,
            item["slug"],
            title=item["title"],
            date=item["date"],
            category=categories[item["category"]],
            summary=item["summary"],
            theme=themes[item["theme"]] if "theme" in item else None,
        )
    return index

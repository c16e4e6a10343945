"""Demo news: the seed's six categories and 20 articles, kept verbatim in news.yaml."""

from pathlib import Path

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from portal.demo import read_yaml, upsert_page


def load_news(home, themes):
    """The news index, its categories and the articles; `themes` are the strategy's theme pages by slug."""
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
            # Articles clearly about a priority theme of the strategy name its slug.
            theme=themes[item["theme"]] if "theme" in item else None,
        )
    return index

"""Small builders for the page tree the tests need (real database rows, no mocks)."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image
from wagtail.models import Page, PageViewRestriction, Site

from home.models import HomePage
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from portal.models import CustomImage, StandardPage

_counter = itertools.count(1)
CATEGORY_NAMES = [
    "Veiligheidsontwikkeling",
    "Campagnes",
    "Bijeenkomsten en evenementen",
    "Achtergrondinfo",
    "Tips",
    "Onderzoeken en rapporten",
]


class SiteTree:
    def __init__(self, home, news_index, categories):
        self.home = home
        self.news_index = news_index
        self.categories = categories


def make_site():
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="Veiligheidscoalitie", slug="home", summary="Samen slagvaardig."))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test")
    news_index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws", show_in_menus=True))
    categories = {
        name: NewsCategory.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})[0]
        for name in CATEGORY_NAMES
    }
    return SiteTree(home, news_index, categories)


def make_article(news_index, *, title=None, date=None, category=None, summary="Samenvatting.", live=True, **fields):
    """An article under news_index, published unless live=False (then a draft that was never published)."""
    number = next(_counter)
    title = title or f"Bericht {number}"
    category = category or NewsCategory.objects.order_by("pk").first()
    article = NewsArticlePage(
        title=title,
        slug=f"bericht-{number}",
        date=date or datetime.date(2023, 12, 20),
        category=category,
        summary=summary,
        live=live,
        **fields,
    )
    news_index.add_child(instance=article)
    revision = article.save_revision()
    if live:
        revision.publish()
    return article


def make_standard_page(parent, *, title, show_in_menus=False, live=True, **fields):
    page = StandardPage(
        title=title, slug=title.lower().replace(" ", "-"), show_in_menus=show_in_menus, live=live, **fields
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def make_image(*, title="Afbeelding", width=1200, height=800, colour=(11, 79, 108), **fields):
    """A stored image (a plain PNG of one colour) in the root collection."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    number = next(_counter)
    return CustomImage.objects.create(
        title=title, file=ImageFile(buffer, name=f"afbeelding-{number}.png"), width=width, height=height, **fields
    )


def restrict_to_logged_in(page):
    """Put the page behind Wagtail's "private, accessible to logged-in users" view restriction."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


HIDDEN_KINDS = ("draft", "unpublished", "login_restricted")


def _hide(page, kind):
    if kind == "unpublished":
        page.unpublish()
    elif kind == "login_restricted":
        restrict_to_logged_in(page)
    return page


def make_hidden_article(news_index, kind, **fields):
    """An article visitors must never see: a never-published draft, an unpublished page or a login-only page."""
    if kind not in HIDDEN_KINDS:
        raise ValueError(f"Unknown kind of hidden page: {kind}")
    return _hide(make_article(news_index, live=kind != "draft", **fields), kind)


def make_hidden_standard_page(parent, kind, **fields):
    """A standard page visitors must never see, of one of the HIDDEN_KINDS (see make_hidden_article)."""
    if kind not in HIDDEN_KINDS:
        raise ValueError(f"Unknown kind of hidden page: {kind}")
    return _hide(make_standard_page(parent, live=kind != "draft", **fields), kind)


def make_articles(news_index, count, title="Bericht nr.", **fields):
    """`count` live articles, created oldest pk first; each title is numbered ("Bericht nr. 1", ...)."""
    return [make_article(news_index, title=f"{title} {n}", **fields) for n in range(1, count + 1)]


def load_demo_content():
    """Run `manage.py load_demo_content` and return what it printed."""
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()

"""The home page, the service pages and the footer contact details of the demo site (site.yaml)."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage
from portal.demo import read_yaml, stream_data, upsert_page
from portal.models import ContactSettings, StandardPage

DEMO_DIR = Path(__file__).resolve().parent


def public_address():
    """Hostname and port the site is reached on, from WAGTAILADMIN_BASE_URL; feeds, the sitemap and canonical
    links are built from them, so `make run` on another port still links to itself."""
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname, url.port or (443 if url.scheme == "https" else 80)


def load_site():
    """The home page as site root, the service pages and the footer contact details."""
    data = read_yaml(DEMO_DIR / "site.yaml")
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Replace Wagtail's placeholder "Welcome" page, which holds the slug we need.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        root.refresh_from_db()
    home = upsert_page(root, HomePage, "home", title=data["home"]["title"], summary=data["home"]["summary"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = public_address()
    site.root_page = home
    site.site_name = "Veiligheidscoalitie Midden-Nederland"
    site.save()

    for item in data["pages"]:
        upsert_page(
            home,
            StandardPage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            body=stream_data(item["body"]),
            show_in_menus=item["show_in_menus"],
        )

    contact = ContactSettings.for_site(site)
    for name, value in data["contact"].items():
        setattr(contact, name, value)
    contact.save()
    return home

"""Building blocks of the idempotent demo loader (`manage.py load_demo_content`).

Each app keeps its demo data as YAML beside a `load_*` function; running them twice gives the same site.
"""

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.conf import settings
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from portal.models import ContactSettings, HomePage, StandardPage

DEMO_DIR = Path(__file__).resolve().parent


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def stream_data(blocks):
    """YAML body items ({"heading": "…"} or {"paragraph": "…"}) as StreamField data."""
    data = []
    for item in blocks:
        ((block_type, value),) = item.items()
        if block_type == "heading":
            data.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif block_type == "paragraph":
            data.append({"type": "paragraph", "value": value if value.startswith("<") else f"<p>{value}</p>"})
        else:
            raise ValueError(f"Unknown demo block type: {block_type}")
    return data


def _unchanged(page, name, value):
    """Whether the page already holds this value (StreamFields compared block by block, ids aside)."""
    current = getattr(page, name)
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        blocks = [(child.block_type, child.block.get_prep_value(child.value)) for child in current]
        return blocks == [
            (child.block_type, child.block.get_prep_value(child.value)) for child in field.to_python(value)
        ]
    return current == value


def upsert_page(parent, model, slug, **fields):
    """Create the page under parent, or update it when its fields differ; publish either way."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    elif all(_unchanged(page, name, value) for name, value in fields.items()):
        return page
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


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

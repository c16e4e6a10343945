import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from portal import cache
from portal.visibility import site_sections

register = template.Library()

# Dutch abbreviated months as the coalition writes them: "20 dec. 2023", "1 mei 2024". Not Babel's
# format_date(..., "d MMM y", locale="nl") nor Django's "j N Y": both abbreviate without the full stop ("20 dec 2023").
SHORT_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


@register.filter
def short_date(value):
    """A date as "20 dec. 2023"; empty for no date."""
    if not value:
        return ""
    return f"{value.day} {SHORT_MONTHS[value.month - 1]} {value.year}"


@register.simple_tag
def time_element(value):
    """A date as a <time> element: "20 dec. 2023" to read, the ISO date for machines; empty for no date."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), short_date(value))


@register.simple_tag(takes_context=True)
def surrogate_keys(context, *objects):
    """Names the pages, snippets, settings or images a template shows for the shared cache (portal/cache.py), so
    that a change to one of them purges this response. Renders nothing."""
    request = context.get("request")
    if request is not None:
        cache.add_objects(request, *objects)
    return ""


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, public children that editors put in the menu.

    Each of these inclusion tags passes the request on, so `{% pageurl %}` reuses the request's cached site root
    paths instead of reading them again for every link.
    """
    request = context["request"]
    current = context.get("page")
    return {
        "items": [
            (item, bool(current and current.path.startswith(item.path)))
            for item in site_sections(request)
            if item.show_in_menus
        ],
        "request": request,
    }


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way from the home page to the current page, which is marked aria-current."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    # Up the parents, which Wagtail's routing has already loaded (and cached on each page) to serve this one.
    ancestors = []
    node = page
    while node.depth > 2:
        node = node.get_parent()
        ancestors.insert(0, node)
    cache.add_objects(context["request"], *ancestors)
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.inclusion_tag("navigation/footer_links.html", takes_context=True)
def footer_links(context):
    """The home page's live, public children kept out of the main menu, such as Privacy."""
    request = context["request"]
    return {"items": [item for item in site_sections(request) if not item.show_in_menus], "request": request}


SITE_NAME = "Veiligheidscoalitie Midden-Nederland"


def site_root_url(request):
    """The site's own address (scheme, host and port) as editors set it under Instellingen > Sites."""
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context, canonical=None):
    """The canonical link and Open Graph tags of any public page, with absolute URLs from the site root.

    `canonical` overrides the address (a view of a page that points search engines to the page itself). A page
    type with a picture for previews names it in `social_image` (an image or None)."""
    request = context["request"]
    page = context.get("page")
    root = site_root_url(request)
    if canonical is None:
        canonical = root + request.path
        number = request.GET.get("page", "")
        if number.isascii() and number.isdigit() and len(number) < 7 and int(number) > 1:
            canonical += f"?page={number}"
    return {
        "canonical": canonical,
        "title": (page and (page.seo_title or page.title)) or SITE_NAME,
        "description": page and (page.search_description or page.summary),
        "type": getattr(page, "social_type", "website"),
        "image": social_image_url(root, page),
        "site_name": SITE_NAME,
    }


def social_image_url(root, page):
    """The absolute URL of the page's preview picture (1200×630, as Open Graph advises), or "" without one."""
    image = getattr(page, "social_image", None)
    return root + image.get_rendition("fill-1200x630|format-jpeg").url if image else ""


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org data (`page.structured_data(image_url, logo_url)`) as a JSON-LD block."""
    request, page = context["request"], context["page"]
    root = site_root_url(request)
    data = page.structured_data(social_image_url(root, page), root + static("img/logo.svg"))
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    # Safe: the characters that could end the script element or start markup are escaped just above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308

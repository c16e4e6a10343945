from django import template
from wagtail.models import Site

register = template.Library()

# Dutch abbreviated months as the coalition writes them: "20 dec. 2023", "1 mei 2024".
SHORT_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


@register.filter
def short_date(value):
    """A date as "20 dec. 2023"; empty for no date."""
    if not value:
        return ""
    return f"{value.day} {SHORT_MONTHS[value.month - 1]} {value.year}"


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, public children that editors put in the menu.

    Each of these inclusion tags passes the request on, so `{% pageurl %}` reuses the request's cached site root
    paths instead of reading them again for every link.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    children = site.root_page.get_children().live().public().in_menu() if site else []
    current = context.get("page")
    return {
        "items": [(item, bool(current and current.path.startswith(item.path))) for item in children],
        "request": request,
    }


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way from the home page to the current page, which is marked aria-current."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    return {"ancestors": page.get_ancestors().filter(depth__gte=2), "page": page, "request": context["request"]}


@register.inclusion_tag("navigation/footer_links.html", takes_context=True)
def footer_links(context):
    """The home page's live, public children kept out of the main menu, such as Privacy."""
    site = Site.find_for_request(context["request"])
    items = site.root_page.get_children().live().public().filter(show_in_menus=False) if site else []
    return {"items": items, "request": context["request"]}

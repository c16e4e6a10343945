from django import template

from portal import cache
from portal.visibility import site_sections

register = template.Library()

# Dutch abbreviated months as the coalition writes them: "20 dec. 2023", "1 mei 2024".
SHORT_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


@register.filter
def short_date(value):
    """A date as "20 dec. 2023"; empty for no date."""
    if not value:
        return ""
    return f"{value.day} {SHORT_MONTHS[value.month - 1]} {value.year}"


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

from wagtail import hooks

from portal import cache


@hooks.register("before_serve_page")
def mark_page_shown(page, request, serve_args, serve_kwargs):
    """Every page's response names the page itself for the shared cache (portal/cache.py)."""
    cache.add_keys(request, cache.page_key(page))

from wagtail import hooks

from portal import cache


@hooks.register("before_serve_page")
def mark_page_shown(page, request, serve_args, serve_kwargs):
    """Every page's response names the page itself for the shared cache (portal/cache.py)."""
    cache.add_keys(request, cache.page_key(page))


@hooks.register("construct_page_chooser_queryset")
def page_statuses_in_the_chooser_query(pages, request):
    """The page chooser shows each page's status ("scheduled", "in moderation"); the explorer reads those with its
    listing, the chooser with two queries a row unless they come with the listing, as here."""
    return pages.annotate_approved_schedule().prefetch_workflow_states()

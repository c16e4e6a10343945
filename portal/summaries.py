"""The summaries of a mixed list of pages, such as the home page's sections or a page of search results.

Every page type keeps its summary in its own table. `.specific()` reads each type's table with a query of its
own, so the number of queries would depend on which page types a list happens to hold. attach_summaries() reads
them in one query, whatever the mix.
"""

from django.apps import apps
from django.db import connection

from portal.models import BasePage


def summary_tables(models):
    """(table, id column, summary column) of each table that holds the summary of one of these page types."""
    tables = set()
    for model in models:
        if issubclass(model, BasePage) and not model._meta.abstract:
            field = model._meta.get_field("summary")
            owner = field.model._meta  # the concrete model whose table has the column
            tables.add((owner.db_table, owner.pk.column, field.column))
    return sorted(tables)


def attach_summaries(pages, models=None):
    """Set `summary` on each of `pages` (wagtailcore Page objects) from its own page type's table, in one query.

    `models` are the page types that may be in the list (default: every page type with a summary field). The
    SQL is a plain UNION ALL of one SELECT per table: the ORM would take longer to build it than PostgreSQL to run.
    """
    ids = [page.pk for page in pages]
    tables = summary_tables(apps.get_models() if models is None else models)
    found = {}
    if ids and tables:
        quote = connection.ops.quote_name
        placeholders = ", ".join(["%s"] * len(ids))
        sql = " UNION ALL ".join(
            f"SELECT {quote(pk)}, {quote(summary)} FROM {quote(table)} WHERE {quote(pk)} IN ({placeholders})"  # noqa: S608
            for table, pk, summary in tables
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, ids * len(tables))
            found = dict(cursor.fetchall())
    for page in pages:
        page.summary = found.get(page.pk, "")
    return pages

# Wagtail's search (modelsearch) matches the query against `title || body` of its index table. Its own GIN indexes
# on title and body alone never serve that test, so every search read the whole table; this index on the same
# expression serves it when the words are rare enough to be worth it. On PostgreSQL only.

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX portal_search_match ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX portal_search_match")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_search_words"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

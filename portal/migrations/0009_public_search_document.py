# The site search matches and ranks the text vectors of the live, public pages (PublicPageWords.document and .title),
# kept in step by portal.search_words, instead of every row of Wagtail's search index: it never reads a draft or a
# private page, and takes a bounded set of matches from GIN indexes (portal.search). On PostgreSQL only (elsewhere
# the columns stay empty).

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

from portal.search_words import rebuild_search_words


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        rebuild_search_words()  # the word list and the search vectors of every live, public page (once for 0007)
        for column in ("document", "title"):
            schema_editor.execute(
                f"CREATE INDEX portal_public_search_{column} ON portal_publicpagewords USING gin ({column})"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in ("document", "title"):
            schema_editor.execute(f"DROP INDEX portal_public_search_{column}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_dutch_admin_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicpagewords",
            name="document",
            field=SearchVectorField(null=True),
        ),
        migrations.AddField(
            model_name="publicpagewords",
            name="title",
            field=SearchVectorField(null=True),
        ),
        migrations.RunPython(fill_and_index, drop_indexes),
    ]

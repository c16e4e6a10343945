# The word list of portal.models.SearchWord had every row of the search index in it: private documents, pages behind a
# view restriction, drafts. A correction told visitors such a word existed. The trigger of 0005 goes; the list is made
# anew from the live pages everyone may see and kept in step by portal.search_words, whose rule of what is public
# (portal.visibility) this migration uses as it is today. On PostgreSQL only.

import importlib

from django.db import migrations, models


def collect_public_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TRIGGER portal_collect_search_words ON wagtailsearch_indexentry")
    schema_editor.execute("DROP FUNCTION portal_collect_search_words()")
    # The list is made anew by 0009: portal.search_words writes columns that 0009 adds.


def collect_every_word(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    before = importlib.import_module("portal.migrations.0005_search_words")
    schema_editor.execute(before.COLLECT_WORDS)
    schema_editor.execute(before.COLLECT_EXISTING_WORDS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_search_match_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchword",
            name="pages",
            field=models.PositiveIntegerField(
                default=0, help_text="Op hoeveel openbare pagina's het woord staat.", verbose_name="pagina's"
            ),
        ),
        migrations.CreateModel(
            name="PublicPageWords",
            fields=[
                ("page_id", models.PositiveIntegerField(primary_key=True, serialize=False)),
                ("words", models.TextField()),
            ],
            options={
                "verbose_name": "woorden van een openbare pagina",
                "verbose_name_plural": "woorden van openbare pagina's",
            },
        ),
        migrations.RunPython(collect_public_words, collect_every_word),
    ]

# The word list of portal.models.SearchWord, kept by a trigger on Wagtail's search index table; on PostgreSQL only.
# It replaces the trigram indexes of 0003 on the indexed texts, which no search used.

from django.db import migrations, models

# The words of a text as the search list keeps them: split as the 'simple' configuration splits them (lower case, no
# stemming), without numbers, addresses and words too short to compare; sorted, so two transactions that add the
# same new words wait for each other instead of deadlocking.
SEARCH_WORDS = """
CREATE FUNCTION portal_search_words(content text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
    SELECT lexeme FROM unnest(to_tsvector('simple', content))
    WHERE char_length(lexeme) BETWEEN 3 AND 100 AND lexeme !~ '[0-9@/.:_]'
    ORDER BY lexeme
$$;
"""

COLLECT_WORDS = """
CREATE FUNCTION portal_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO portal_searchword (word)
    SELECT portal_search_words(NEW.title_text || ' ' || NEW.body_text)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER portal_collect_search_words
    AFTER INSERT OR UPDATE OF title_text, body_text ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION portal_collect_search_words();
"""

COLLECT_EXISTING_WORDS = """
INSERT INTO portal_searchword (word)
SELECT DISTINCT portal_search_words(title_text || ' ' || body_text) FROM wagtailsearch_indexentry
ON CONFLICT DO NOTHING
"""

OLD_INDEXES = {"portal_search_title_trgm": "title_text", "portal_search_body_text_trgm": "body_text"}


def collect_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE INDEX portal_searchword_trgm ON portal_searchword USING gin (word gin_trgm_ops)")
    schema_editor.execute(SEARCH_WORDS)
    schema_editor.execute(COLLECT_WORDS)
    schema_editor.execute(COLLECT_EXISTING_WORDS)
    for name in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def stop_collecting_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TRIGGER portal_collect_search_words ON wagtailsearch_indexentry")
    schema_editor.execute("DROP FUNCTION portal_collect_search_words()")
    schema_editor.execute("DROP FUNCTION portal_search_words(text)")
    for name, column in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON wagtailsearch_indexentry USING gin ({column} gin_trgm_ops)")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_page_children_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=100, primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "zoekwoord",
                "verbose_name_plural": "zoekwoorden",
            },
        ),
        migrations.RunPython(collect_words, stop_collecting_words),
    ]

# An index for "the children of a page": Wagtail finds them by depth and a path range, and its own indexes only
# cover the path, so with thousands of articles under /nieuws/ every menu (the home page's children) read the
# whole page table. Same SQL on PostgreSQL and SQLite.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_search_trigram"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_children ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS portal_page_children",
        ),
    ]

"""HomePage now lives in the home app (home/migrations/0001_initial.py renamed its table and content type)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0001_initial"),
        ("portal", "0010_explorer_ordering_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="HomePage")]),
    ]

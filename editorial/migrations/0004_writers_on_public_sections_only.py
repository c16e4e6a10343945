"""Redacteur and Eindredactie lose their rights on the root page and the root collection, which also covered the
apothekerskast and its private collection: they now work on the public sections and the public collection "Openbaar".

The images and documents in the root collection move to "Openbaar" (both are public), so the writers keep choosing
them; the private collection and everything in it stay where they are.
"""

from django.db import migrations

from editorial.roles import create_all_permissions, move_root_items_to_public_collection, sync_roles


def writers_on_public_sections(apps, schema_editor):
    create_all_permissions(apps)
    move_root_items_to_public_collection(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_library_managers_and_no_wagtail_defaults"),
        ("portal", "0006_search_match_index"),
        ("strategy", "0001_initial"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(writers_on_public_sections, migrations.RunPython.noop)]

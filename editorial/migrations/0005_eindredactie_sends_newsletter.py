"""The Eindredactie (and the Beheerder, who has every permission) may send a newsletter edition from the admin."""

from django.db import migrations

from editorial.roles import create_all_permissions, sync_roles


def update_roles(apps, schema_editor):
    create_all_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_writers_on_public_sections_only"),
        ("newsletter", "0003_mailing_and_failed_deliveries"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]

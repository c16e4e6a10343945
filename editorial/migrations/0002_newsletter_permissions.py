"""Bring the roles up to date now that the newsletter exists: its subscribers are the Beheerder's alone."""

from django.db import migrations

from editorial.roles import create_all_permissions, sync_roles


def update_roles(apps, schema_editor):
    create_all_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles_and_workflow"), ("newsletter", "0001_initial")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]

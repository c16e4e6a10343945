"""Bibliotheekbeheer reads (and clears) the requests to add an organisation ("Mijn organisatie staat er niet bij")."""

from django.db import migrations

from editorial.roles import create_all_permissions, sync_roles


def update_roles(apps, schema_editor):
    create_all_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0007_beheerder_sees_job_runs"),
        ("apothekerskast", "0006_organisation_requests_and_theme_alerts"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]

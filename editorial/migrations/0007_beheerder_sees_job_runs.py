"""The Beheerder, who has every permission, gets the new one to read the scheduler's job runs (editorial.JobRun)."""

from django.db import migrations

from editorial.roles import BEHEERDER, create_all_permissions, sync_role


def update_beheerder(apps, schema_editor):
    create_all_permissions(apps)
    sync_role(apps, BEHEERDER)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0006_jobrun")]

    operations = [migrations.RunPython(update_beheerder, migrations.RunPython.noop)]

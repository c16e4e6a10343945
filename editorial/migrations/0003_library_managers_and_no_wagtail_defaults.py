"""Bibliotheekbeheer becomes the apothekerskast's one manager role, and Wagtail's default groups go.

The apothekerskast's own group "Apothekerskast-beheerders" (its migration 0002) held the same role under a second
name; its members move to Bibliotheekbeheer and the group is removed. Wagtail's "Editors" and "Moderators" groups
(and the unused "Moderators approval" workflow made for them) are not roles of this site: their members, if any,
move to Redacteur and Eindredactie.
"""

from django.db import migrations

from editorial.roles import BIBLIOTHEEKBEHEER, EINDREDACTIE, REDACTEUR, create_all_permissions, sync_roles

RETIRED_GROUPS = {"Apothekerskast-beheerders": BIBLIOTHEEKBEHEER, "Editors": REDACTEUR, "Moderators": EINDREDACTIE}
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def retire_groups(apps, schema_editor):
    create_all_permissions(apps)
    sync_roles(apps)
    Group = apps.get_model("auth", "Group")
    for old_name, role in RETIRED_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is not None:
            Group.objects.get(name=role).user_set.add(*old.user_set.all())
            old.delete()

    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(
        name=WAGTAIL_DEFAULT_WORKFLOW, workflow_pages=None, workflow_content_types=None, workflow_states=None
    ).delete()
    GroupApprovalTask.objects.filter(
        name=WAGTAIL_DEFAULT_WORKFLOW, groups=None, workflow_tasks=None, task_states=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_newsletter_permissions"),
        ("apothekerskast", "0004_toolkitpage_theme_page"),
    ]

    operations = [migrations.RunPython(retire_groups, migrations.RunPython.noop)]

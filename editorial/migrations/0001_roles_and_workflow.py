"""The editorial roles (Redacteur, Eindredactie, Bibliotheekbeheer, Beheerder) and the moderation workflow."""

from django.db import migrations

from editorial.roles import create_all_permissions, sync_roles, sync_workflow


def create_roles(apps, schema_editor):
    create_all_permissions(apps)
    sync_roles(apps)
    sync_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("portal", "0003_search_trigram"),
        ("news", "0002_initial"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]

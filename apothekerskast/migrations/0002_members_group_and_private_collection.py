"""The members and managers groups, the private 'Apothekerskast' collection and the library's view restriction.

Set here, not by hand, so every database (fresh clone, test, production) has the same locks.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import next_child_path

MEMBERS_GROUP = "Apothekerskast-leden"
MANAGERS_GROUP = "Apothekerskast-beheerders"
COLLECTION_NAME = "Apothekerskast"
MANAGER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("apothekerskast", "accessrequest", "view_accessrequest"),
    ("apothekerskast", "accessrequest", "change_accessrequest"),
    ("apothekerskast", "downloadevent", "view_downloadevent"),
    ("apothekerskast", "organisation", "view_organisation"),
    ("apothekerskast", "organisation", "add_organisation"),
    ("apothekerskast", "organisation", "change_organisation"),
]


def create_locks(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    ApothekerskastIndexPage = apps.get_model("apothekerskast", "ApothekerskastIndexPage")

    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    managers, _ = Group.objects.get_or_create(name=MANAGERS_GROUP)
    for app_label, model, codename in MANAGER_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission:
            managers.permissions.add(permission)

    root = Collection.objects.filter(depth=1).order_by("path").first()
    collection = Collection.objects.filter(depth=2, name=COLLECTION_NAME).first()
    if collection is None:
        siblings = Collection.objects.filter(depth=2, path__startswith=root.path)
        collection = Collection.objects.create(
            name=COLLECTION_NAME, path=next_child_path(root, siblings), depth=2, numchild=0
        )
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    restriction, _ = CollectionViewRestriction.objects.get_or_create(collection=collection, restriction_type="groups")
    restriction.groups.add(members)

    for page in ApothekerskastIndexPage.objects.all():
        restriction, _ = PageViewRestriction.objects.get_or_create(page_id=page.pk, restriction_type="groups")
        restriction.groups.add(members)


class Migration(migrations.Migration):
    dependencies = [
        ("apothekerskast", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locks, migrations.RunPython.noop)]

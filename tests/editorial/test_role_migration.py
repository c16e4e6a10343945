"""An existing database, set up when the writers had their rights on the root page and the root collection, gets the
corrected rights from the role set-up its migration runs (editorial.roles, migration 0004)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permissions import policy_registry

from editorial.roles import EINDREDACTIE, PUBLIC_COLLECTION, REDACTEUR, move_root_items_to_public_collection, sync_roles
from tests.admin_users import make_admin_user
from tests.apothekerskast.builders import make_library

pytestmark = pytest.mark.django_db

WRITERS = (REDACTEUR, EINDREDACTIE)


def grant_as_before(name, root_page, root_collection):
    """The rights migrations 0001-0003 gave: page rights on the root page, collection rights on the root collection."""
    group = Group.objects.get(name=name)
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=root_page, permission=Permission.objects.get(codename=codename)
        )
    for codename in ("add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=Permission.objects.get(codename=codename)
        )


def test_the_role_setup_takes_the_library_away_from_the_writers(site):
    library = make_library(site.home)
    root_page, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    library.public_document.collection = root_collection
    library.public_document.save()
    for name in WRITERS:
        grant_as_before(name, root_page, root_collection)
    writer = make_admin_user("redacteur@example.org", groups=[REDACTEUR])
    assert library.toolkit.permissions_for_user(writer).can_edit()  # the leak of issue 14

    move_root_items_to_public_collection(apps)
    sync_roles(apps)
    sync_roles(apps)  # idempotent

    writer = type(writer).objects.get(pk=writer.pk)  # no cached permissions
    assert not library.toolkit.permissions_for_user(writer).can_edit()
    assert site.news_index.permissions_for_user(writer).can_edit()
    for name in WRITERS:
        assert not GroupPagePermission.objects.filter(group__name=name, page=root_page).exists()
        assert not GroupCollectionPermission.objects.filter(group__name=name, collection=root_collection).exists()
    library.public_document.refresh_from_db()
    library.document.refresh_from_db()
    assert library.public_document.collection.name == PUBLIC_COLLECTION
    assert library.document.collection.name == "Apothekerskast"
    document_policy = policy_registry.get_by_type(get_document_model())
    choosable = document_policy.instances_user_has_permission_for(writer, "choose")
    assert list(choosable) == [library.public_document]

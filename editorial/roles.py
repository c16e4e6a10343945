"""The editorial roles and the "Redactie → Eindredactie" workflow, as data.

Used by the data migrations (with historical models) and by the demo loader (with the real ones), so both build
the same groups, permissions and workflow. Every function is idempotent.

- Redacteur: writes and edits pages (news, events, standard pages, strategy chapters, newsletter editions) and
  submits them for moderation; cannot publish. Uses and adds images and documents in the public collection.
- Eindredactie: approves (the workflow's only task is theirs), publishes, unpublishes and schedules; sends the
  newsletter.
- Both work on the public sections and the public collection only: never on the apothekerskast, its pages or its
  private documents, which they do not see in any admin view (tests/apothekerskast/test_admin_access.py).
- Bibliotheekbeheer: the apothekerskast, and nothing else: decides on access requests, reads the download report,
  keeps the organisations and their e-mail domains (and reads the requests for new ones), manages the pages under the
  library's index page and the documents in its private collection. The apothekerskast knows its managers only by
  these permissions.
- Beheerder: everything, including users and groups.
"""

from django.db.models import Q

REDACTEUR = "Redacteur"
EINDREDACTIE = "Eindredactie"
BIBLIOTHEEKBEHEER = "Bibliotheekbeheer"
BEHEERDER = "Beheerder"
ROLES = (REDACTEUR, EINDREDACTIE, BIBLIOTHEEKBEHEER, BEHEERDER)

WORKFLOW_NAME = "Redactie → Eindredactie"
TASK_NAME = "Goedkeuring eindredactie"

# Where a role's page and collection permissions apply when not at the root of the page tree or of the collections:
# every page of the named types, the collection of that name. Permissions cover a page's or collection's descendants,
# so the writers get the public sections one by one (never the home page, which would cover the apothekerskast), and
# the public collection (never the root collection, which would cover the private one).
# New top-level pages under the home page are the Beheerder's; a writer edits them once they are of a section's type.
PUBLIC_SECTIONS = (
    ("news", "newsindexpage"),
    ("events", "eventindexpage"),
    ("newsletter", "newsletterindexpage"),
    ("strategy", "strategypage"),
    ("portal", "standardpage"),
)
PUBLIC_COLLECTION = "Openbaar"
PAGE_ROOTS = {
    REDACTEUR: PUBLIC_SECTIONS,
    EINDREDACTIE: PUBLIC_SECTIONS,
    BIBLIOTHEEKBEHEER: (("apothekerskast", "apothekerskastindexpage"),),
}
COLLECTION_ROOTS = {REDACTEUR: PUBLIC_COLLECTION, EINDREDACTIE: PUBLIC_COLLECTION, BIBLIOTHEEKBEHEER: "Apothekerskast"}

# Page permissions, granted on the root of the page tree (or PAGE_ROOTS).
PAGE_PERMISSIONS = {
    REDACTEUR: ["add_page", "change_page"],
    EINDREDACTIE: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BIBLIOTHEEKBEHEER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BEHEERDER: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
# Image and document permissions, granted on the root collection (or COLLECTION_ROOTS).
COLLECTION_PERMISSIONS = {
    REDACTEUR: ["add_image", "choose_image", "add_document", "choose_document"],
    EINDREDACTIE: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    BIBLIOTHEEKBEHEER: ["add_document", "change_document", "choose_document", "delete_document"],
    BEHEERDER: [
        "add_image", "change_image", "choose_image", "delete_image",
        "add_document", "change_document", "choose_document", "delete_document",
        "add_collection", "change_collection", "delete_collection",
    ],
}  # fmt: skip
# Model permissions as "app_label.codename"; a permission of an app that is not installed is skipped.
MODEL_PERMISSIONS = {
    REDACTEUR: ["wagtailadmin.access_admin", "news.view_newscategory", "events.view_eventregistration"],
    EINDREDACTIE: [
        "wagtailadmin.access_admin",
        "news.add_newscategory", "news.change_newscategory", "news.view_newscategory",
        "events.view_eventregistration", "events.delete_eventregistration",
        "newsletter.add_mailing",
    ],
    BIBLIOTHEEKBEHEER: [
        "wagtailadmin.access_admin",
        "apothekerskast.view_accessrequest", "apothekerskast.change_accessrequest",
        "apothekerskast.view_downloadevent",
        "apothekerskast.add_organisation", "apothekerskast.change_organisation", "apothekerskast.view_organisation",
        "apothekerskast.view_organisationrequest", "apothekerskast.change_organisationrequest",
        "apothekerskast.delete_organisationrequest",
    ],
    BEHEERDER: None,  # every permission there is
}  # fmt: skip


def create_all_permissions(apps):
    """Permissions are normally created after all migrations (post_migrate); the roles need them in a migration."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(Permission, dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _page_roots(Page, name):
    if name in PAGE_ROOTS:
        types = Q()
        for app_label, model in PAGE_ROOTS[name]:
            types |= Q(content_type__app_label=app_label, content_type__model=model)
        return list(Page.objects.filter(types))
    return list(Page.objects.filter(depth=1).order_by("path")[:1])


def roles_rooted_at(app_label, model):
    """The roles whose page permissions are granted on every page of this type."""
    return [name for name, types in PAGE_ROOTS.items() if (app_label, model) in types]


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def next_child_path(parent, siblings):
    """Treebeard's materialised path (steps of four base-36 digits) for a new last child."""
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    if last is None:
        return parent.path + "0001"
    number = int(last[-4:], 36) + 1
    step = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent.path + step


def public_collection(apps):
    """The collection for public images and documents, under the root collection (created when missing)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    collection = Collection.objects.filter(depth=2, name=PUBLIC_COLLECTION).first()
    if collection is None:
        root = Collection.objects.filter(depth=1).order_by("path").first()
        siblings = Collection.objects.filter(depth=2, path__startswith=root.path)
        collection = Collection.objects.create(
            name=PUBLIC_COLLECTION, path=next_child_path(root, siblings), depth=2, numchild=0
        )
        root.numchild = siblings.count()
        root.save(update_fields=["numchild"])
    return collection


def move_root_items_to_public_collection(apps):
    """Images and documents in the root collection (public, but out of the writers' reach) move to "Openbaar"."""
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string

    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    public = public_collection(apps)
    for label in (get_document_model_string(), get_image_model_string()):
        apps.get_model(label).objects.filter(collection=root).update(collection=public)


def _collection_roots(apps, name):
    Collection = apps.get_model("wagtailcore", "Collection")
    if COLLECTION_ROOTS.get(name) == PUBLIC_COLLECTION:
        return [public_collection(apps)]
    if name in COLLECTION_ROOTS:
        return list(Collection.objects.filter(depth=2, name=COLLECTION_ROOTS[name]))
    return list(Collection.objects.filter(depth=1).order_by("path")[:1])


def _collection_permission_app(codename):
    if codename.endswith("_collection"):
        return "wagtailcore"
    return "wagtailimages" if codename.endswith("_image") else "wagtaildocs"


def sync_page_permissions(apps, name):
    """Give the role exactly its page permissions, on the pages they apply to now (none while those do not exist;
    grant_page_permissions adds each one created later)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    group, _ = Group.objects.get_or_create(name=name)
    wanted = set(PAGE_PERMISSIONS[name])
    pages = _page_roots(Page, name)
    GroupPagePermission.objects.filter(group=group).exclude(
        page__in=pages, permission__codename__in=wanted, permission__content_type__app_label="wagtailcore"
    ).delete()
    for page in pages:
        for codename in wanted:
            permission = _permission(Permission, f"wagtailcore.{codename}")
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_page_permissions(apps, page):
    """A new page of a PAGE_ROOTS type: the roles rooted at its type get their permissions on it (editorial.signals)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name in roles_rooted_at(page._meta.app_label, page._meta.model_name):
        group, _ = Group.objects.get_or_create(name=name)
        for codename in PAGE_PERMISSIONS[name]:
            permission = _permission(Permission, f"wagtailcore.{codename}")
            GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


def sync_role(apps, name):
    """Create the group of one role with exactly its permissions (removing any others it was given)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=name)
    if MODEL_PERMISSIONS[name] is None:
        permissions = list(Permission.objects.all())
    else:
        permissions = [p for p in (_permission(Permission, d) for d in MODEL_PERMISSIONS[name]) if p]
    group.permissions.set(permissions)

    sync_page_permissions(apps, name)

    wanted = set(COLLECTION_PERMISSIONS[name])
    collections = _collection_roots(apps, name)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection__in=collections, permission__codename__in=wanted
    ).delete()
    for collection in collections:
        for codename in wanted:
            permission = _permission(Permission, f"{_collection_permission_app(codename)}.{codename}")
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def sync_roles(apps):
    """Create the four groups with exactly their permissions."""
    for name in ROLES:
        sync_role(apps, name)


def sync_workflow(apps):
    """The workflow "Redactie → Eindredactie": one group approval task for the Eindredactie group.

    Wagtail's own default ("Moderators approval" on the root page, for its Moderators group) is replaced by it, so
    every page a Redacteur submits, in any section, waits for the Eindredactie.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([Group.objects.get(name=EINDREDACTIE)])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow

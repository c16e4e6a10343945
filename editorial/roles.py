"""The editorial roles and the "Redactie → Eindredactie" workflow, as data.

Used by the data migrations (with historical models) and by the demo loader (with the real ones), so both build
the same groups, permissions and workflow. Every function is idempotent.

- Redacteur: writes and edits pages (news, events, standard pages, strategy chapters, newsletter editions) and
  submits them for moderation; cannot publish.
- Eindredactie: approves (the workflow's only task is theirs), publishes, unpublishes and schedules.
- Bibliotheekbeheer: the library's documents (Wagtail document permissions). The apothekerskast's own models
  (access requests, the download report) are added by that app's migrations once it exists.
- Beheerder: everything, including users and groups.
"""

REDACTEUR = "Redacteur"
EINDREDACTIE = "Eindredactie"
BIBLIOTHEEKBEHEER = "Bibliotheekbeheer"
BEHEERDER = "Beheerder"
ROLES = (REDACTEUR, EINDREDACTIE, BIBLIOTHEEKBEHEER, BEHEERDER)

WORKFLOW_NAME = "Redactie → Eindredactie"
TASK_NAME = "Goedkeuring eindredactie"

# Page permissions, granted on the root of the page tree.
PAGE_PERMISSIONS = {
    REDACTEUR: ["add_page", "change_page"],
    EINDREDACTIE: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BIBLIOTHEEKBEHEER: [],
    BEHEERDER: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
# Image and document permissions, granted on the root collection.
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
    ],
    BIBLIOTHEEKBEHEER: ["wagtailadmin.access_admin"],
    BEHEERDER: None,  # every permission there is
}  # fmt: skip


def create_all_permissions(apps):
    """Permissions are normally created after all migrations (post_migrate); the roles need them in a migration."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(Permission, ContentType, dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def sync_roles(apps):
    """Create the four groups with exactly their permissions (removing any others they were given)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if MODEL_PERMISSIONS[name] is None:
            permissions = list(Permission.objects.all())
        else:
            permissions = [p for p in (_permission(Permission, ContentType, d) for d in MODEL_PERMISSIONS[name]) if p]
        group.permissions.set(permissions)

        wanted = set(PAGE_PERMISSIONS[name])
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__codename__in=wanted, permission__content_type__app_label="wagtailcore"
        ).delete()
        for codename in wanted:
            permission = _permission(Permission, ContentType, f"wagtailcore.{codename}")
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)

        wanted = set(COLLECTION_PERMISSIONS[name])
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__codename__in=wanted
        ).delete()
        for codename in wanted:
            app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
            if codename.endswith("_collection"):
                app_label = "wagtailcore"
            permission = _permission(Permission, ContentType, f"{app_label}.{codename}")
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


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

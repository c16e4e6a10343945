"""What each editorial role may do, checked through the admin views (an allowed and a forbidden case per door)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse, reverse_lazy
from wagtail.documents import get_document_model
from wagtail.models import Collection, Task, Workflow

from apothekerskast.access import MEMBERS_GROUP
from apothekerskast.demo import example_pdf
from editorial.roles import (
    BEHEERDER,
    BIBLIOTHEEKBEHEER,
    EINDREDACTIE,
    PUBLIC_COLLECTION,
    REDACTEUR,
    ROLES,
    WORKFLOW_NAME,
)
from news.models import NewsArticlePage
from tests.builders import make_article

pytestmark = pytest.mark.django_db


def is_denied(response):
    """Wagtail answers a forbidden admin view with a redirect to the dashboard (or 403)."""
    return response.status_code == 403 or (response.status_code == 302 and "login" not in response["Location"])


def add_url(site):
    return reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site.news_index.pk])


def test_the_roles_exist_with_a_workflow_of_one_eindredactie_task():
    from wagtail.models import Page, Workflow

    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    (task,) = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [EINDREDACTIE]
    assert Page.get_first_root_node().get_workflow() == workflow


@pytest.mark.parametrize("role", [REDACTEUR, EINDREDACTIE, BEHEERDER])
def test_writers_can_add_and_edit_articles(client, site, users, role):
    article = make_article(site.news_index)
    client.force_login(users[role])
    assert client.get(add_url(site)).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 200


def test_the_library_manager_cannot_write_pages_but_manages_documents(client, site, users):
    article = make_article(site.news_index)
    client.force_login(users[BIBLIOTHEEKBEHEER])
    assert is_denied(client.get(add_url(site)))
    assert is_denied(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    assert client.get(reverse("wagtaildocs:index")).status_code == 200
    assert client.get(reverse("wagtaildocs:add")).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, site):
    response = client.get(add_url(site))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_redacteur_cannot_publish_unpublish_or_schedule(client, site, users, article_form):
    client.force_login(users[REDACTEUR])
    response = client.post(add_url(site), article_form("Direct live?", **{"action-publish": "publish"}))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="direct-live")
    assert not article.live  # saved as a draft: the publish button is not theirs

    live = make_article(site.news_index)
    assert is_denied(client.get(reverse("wagtailadmin_pages:unpublish", args=[live.pk])))
    assert is_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[live.pk])))
    live.refresh_from_db()
    assert live.live

    perms = live.permissions_for_user(users[REDACTEUR])
    assert perms.can_edit() and not perms.can_publish() and not perms.can_unpublish()


def test_the_eindredactie_publishes_unpublishes_and_schedules(client, site, users, article_form):
    client.force_login(users[EINDREDACTIE])
    response = client.post(add_url(site), article_form("Nu live", **{"action-publish": "publish"}))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="nu-live")
    assert article.live

    assert client.get(reverse("wagtailadmin_pages:unpublish", args=[article.pk])).status_code == 200
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk])).status_code == 302
    article.refresh_from_db()
    assert not article.live

    response = client.post(
        add_url(site), article_form("Later live", go_live_at="2099-01-01 09:00", **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    scheduled = NewsArticlePage.objects.get(slug="later-live")
    assert not scheduled.live and scheduled.scheduled_revision is not None


def test_only_the_beheerder_manages_users(client, users):
    for role in (REDACTEUR, EINDREDACTIE, BIBLIOTHEEKBEHEER):
        client.force_login(users[role])
        assert is_denied(client.get(reverse("wagtailusers_users:index"))), role
        assert is_denied(client.get(reverse("wagtailusers_groups:index"))), role
    client.force_login(users[BEHEERDER])
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 200
    assert client.get(reverse("wagtailusers_users:add")).status_code == 200


def test_redacteur_and_eindredactie_see_event_registrations_but_only_the_eindredactie_deletes(client, users):
    for role in (REDACTEUR, EINDREDACTIE):
        client.force_login(users[role])
        assert client.get("/admin/event_registrations/").status_code == 200, role
    client.force_login(users[BIBLIOTHEEKBEHEER])
    assert is_denied(client.get("/admin/event_registrations/"))
    assert users[EINDREDACTIE].has_perm("events.delete_eventregistration")
    assert not users[REDACTEUR].has_perm("events.delete_eventregistration")


def test_only_the_roles_and_the_library_members_group_exist():
    assert set(Group.objects.values_list("name", flat=True)) == {*ROLES, MEMBERS_GROUP}
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]
    assert not Task.objects.filter(name="Moderators approval").exists()


@pytest.fixture
def library(site):
    from tests.apothekerskast.builders import make_library, make_organisation, make_person

    library = make_library(site.home)
    library.pending = make_person("pending", make_organisation()).access_requests.get()
    return library


LIBRARY_ADMIN = {
    "access requests": reverse_lazy("toegangsaanvragen:index"),
    "download report": reverse_lazy("apothekerskast_downloads"),
    "organisations": reverse_lazy("wagtailsnippets_apothekerskast_organisation:list"),
}


def test_the_library_manager_decides_on_access_and_reads_the_download_report(client, users, library):
    client.force_login(users[BIBLIOTHEEKBEHEER])
    for name, url in LIBRARY_ADMIN.items():
        assert client.get(url).status_code == 200, name
    assert library.pending.user.email in client.get(LIBRARY_ADMIN["access requests"]).content.decode()

    approve = reverse("toegangsaanvragen:decide", args=[library.pending.pk, "approve"])
    assert client.post(approve).status_code == 302
    library.pending.refresh_from_db()
    assert library.pending.status == "approved"


@pytest.mark.parametrize("role", [REDACTEUR, EINDREDACTIE])
def test_editors_do_not_manage_the_library(client, users, library, role):
    client.force_login(users[role])
    for name, url in LIBRARY_ADMIN.items():
        assert is_denied(client.get(url)), name
    approve = reverse("toegangsaanvragen:decide", args=[library.pending.pk, "approve"])
    assert is_denied(client.post(approve))
    library.pending.refresh_from_db()
    assert library.pending.status == "pending"


def test_the_library_manager_edits_pages_under_the_library_only(client, site, users, library):
    client.force_login(users[BIBLIOTHEEKBEHEER])
    add_toolkit = reverse("wagtailadmin_pages:add", args=["apothekerskast", "toolkitpage", library.index.pk])
    assert client.get(add_toolkit).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[library.toolkit.pk])).status_code == 200
    assert library.toolkit.permissions_for_user(users[BIBLIOTHEEKBEHEER]).can_publish()

    assert is_denied(client.get(reverse("wagtailadmin_pages:edit", args=[site.home.pk])))
    add_page = reverse("wagtailadmin_pages:add", args=["portal", "standardpage", site.home.pk])
    assert is_denied(client.get(add_page))


def test_the_library_manager_sees_only_the_documents_of_the_private_collection(client, users, library):
    client.force_login(users[BIBLIOTHEEKBEHEER])
    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    assert library.document.title in listing
    assert library.public_document.title not in listing
    assert is_denied(client.get(reverse("wagtaildocs:edit", args=[library.public_document.pk])))
    assert client.get(reverse("wagtaildocs:edit", args=[library.document.pk])).status_code == 200


@pytest.fixture
def sections(site, library):
    """Every section under the home page: news, agenda, newsletter, strategy, a standard page and the library."""
    from tests.builders import make_standard_page
    from tests.events.builders import make_agenda
    from tests.newsletter.builders import make_newsletter_index
    from tests.strategy.builders import make_strategy

    return {
        "news": site.news_index,
        "agenda": make_agenda(site.home),
        "newsletter": make_newsletter_index(site.home),
        "strategy": make_strategy(site.home),
        "standard page": make_standard_page(site.home, title="Over ons"),
        "library": library.index,
    }


# Where each role's page explorer opens (/admin/pages/): the public site, the library, or the whole tree.
EXPLORER_START = {REDACTEUR: "home", EINDREDACTIE: "home", BIBLIOTHEEKBEHEER: "library", BEHEERDER: "root"}


@pytest.mark.parametrize("role", ROLES)
def test_each_roles_explorer_opens_at_its_section(client, site, users, sections, role):
    from wagtail.models import Page

    start = {"home": site.home, "library": sections["library"], "root": Page.get_first_root_node()}
    client.force_login(users[role])
    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert response.status_code == 200
    assert response.context["parent_page"].pk == start[EXPLORER_START[role]].pk


@pytest.mark.parametrize("role", [REDACTEUR, EINDREDACTIE])
def test_writers_work_on_every_public_section_and_not_on_the_library(client, site, users, sections, role):
    client.force_login(users[role])
    listing = client.get(reverse("wagtailadmin_explore", args=[site.home.pk])).content.decode()
    for name, page in sections.items():
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if name == "library":
            assert edit_url not in listing
            assert is_denied(client.get(edit_url))
        else:
            assert edit_url in listing, name
            assert client.get(edit_url).status_code == 200, name
    assert is_denied(client.get(reverse("wagtailadmin_pages:edit", args=[site.home.pk])))


@pytest.mark.parametrize("role", [REDACTEUR, EINDREDACTIE])
def test_writers_upload_and_choose_in_the_public_collection_only(client, users, library, role):
    client.force_login(users[role])
    for collection, stored in (
        (Collection.objects.get(name=PUBLIC_COLLECTION), True),
        (library.document.collection, False),
    ):
        title = f"Folder voor {collection.name}"
        pdf = SimpleUploadedFile("folder.pdf", example_pdf(title), content_type="application/pdf")
        client.post(reverse("wagtaildocs:add"), {"title": title, "collection": collection.pk, "file": pdf})
        assert get_document_model().objects.filter(title=title, collection=collection).exists() is stored
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert library.public_document.title in chooser
    assert library.document.title not in chooser

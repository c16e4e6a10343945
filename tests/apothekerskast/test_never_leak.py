"""Private titles and document names appear nowhere public: search, feeds, sitemap, navigation, error pages."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from apothekerskast.access import MEMBERS_GROUP
from tests.apothekerskast.builders import SECRET_DOCUMENT, SECRET_FILENAME, SECRET_TOOLKIT

pytestmark = pytest.mark.django_db
SECRETS = (SECRET_TOOLKIT, SECRET_DOCUMENT, SECRET_FILENAME, "geheime-toolkit")


def assert_nothing_private(response):
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body


@pytest.mark.parametrize("state", ["anonymous", "pending", "member"])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/zoeken/?q=Vuurwerkaanpak",
        "/zoeken/?q=Vertrouwelijk+draaiboek",
        "/zoeken/?q=geheime",
        "/nieuws/feed/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/bestaat-niet/",
        "/nieuws/",
    ],
)
def test_public_pages_show_nothing_of_the_library(client, library, person, member, state, path):
    if state == "member":
        client.force_login(member)
    elif state != "anonymous":
        client.force_login(person(state))
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_nothing_private(response)


def test_the_library_is_locked_by_migration_and_on_every_save(library):
    """The members group, the private collection and the page restriction need no manual step."""
    restriction = PageViewRestriction.objects.get(page=library.index)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [MEMBERS_GROUP]
    collection = Collection.objects.get(name="Apothekerskast")
    collection_restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert list(collection_restriction.groups.values_list("name", flat=True)) == [MEMBERS_GROUP]


def test_a_removed_restriction_returns_on_publish(library):
    PageViewRestriction.objects.filter(page=library.index).delete()
    library.index.save_revision().publish()
    assert PageViewRestriction.objects.filter(page=library.index).exists()


@pytest.fixture
def administrator(db):
    from tests.admin_users import make_admin_user

    return make_admin_user("beheer@utrecht.nl", superuser=True)


def privacy_choices(client, url):
    """The restriction types the admin's privacy form offers, as the editor's browser receives it."""
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200
    form = BeautifulSoup(response.json()["html"], "html.parser")
    return {radio["value"] for radio in form.select('input[name="restriction_type"]')}


def test_the_page_privacy_form_offers_no_shared_password(client, library, administrator):
    client.force_login(administrator)
    choices = privacy_choices(client, f"/admin/pages/{library.toolkit.pk}/privacy/")
    assert choices == {"none", "login", "groups"}


def test_the_collection_privacy_form_offers_no_shared_password(client, library, administrator):
    client.force_login(administrator)
    collection = Collection.objects.get(name="Apothekerskast")
    choices = privacy_choices(client, f"/admin/collections/{collection.pk}/privacy/")
    assert choices == {"none", "login", "groups"}


def test_toolkits_only_take_documents_from_the_private_collection(library):
    from django.core.exceptions import ValidationError

    from apothekerskast.models import ToolkitDocument

    with pytest.raises(ValidationError, match="openbaar"):
        ToolkitDocument(page=library.toolkit, document=library.public_document).clean()
    ToolkitDocument(page=library.toolkit, document=library.document).clean()

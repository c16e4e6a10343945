"""Guards of portal.wagtail_internals: each fails when Wagtail no longer reads or computes what the module assumes.

The copied site ranking is compared with Wagtail's own in tests/portal/test_sites.py, and the bulk-written tree with
treebeard's checks in tests/news/test_generate_news.py.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

from portal import wagtail_internals
from portal.models import ContactSettings
from portal.visibility import visible_to_everyone
from tests.builders import make_standard_page

pytestmark = pytest.mark.django_db


def test_wagtail_takes_the_site_and_root_paths_from_the_request(site, django_assert_num_queries):
    request = RequestFactory().get("/")
    default_site = Site.objects.get()
    elsewhere = SiteRootPath(default_site.id, site.home.url_path, "https://elders.example.org", "nl")
    wagtail_internals.remember_site(request, default_site, [elsewhere])
    page = make_standard_page(site.home, title="Over ons")

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is default_site
        assert page.get_full_url(request) == "https://elders.example.org/over-ons/"


def test_wagtail_routes_through_the_specific_page_left_on_the_root(site, django_assert_num_queries):
    root = Page.objects.get(pk=site.home.pk)
    wagtail_internals.remember_specific(root, site.home)

    with django_assert_num_queries(0):
        assert root.specific is site.home


def test_wagtail_keeps_the_request_on_a_site_setting_where_it_is_left(site):
    request = RequestFactory().get("/")
    wagtail_internals.remember_site(request, Site.objects.get(), Site.get_site_root_paths())
    setting = ContactSettings.for_request(request)
    ours = ContactSettings.objects.get(pk=setting.pk)
    wagtail_internals.remember_request(ours, request)

    assert vars(ours).get("_request") is vars(setting).get("_request") is request


def test_treebeard_takes_the_parent_from_where_routing_leaves_it(site, django_assert_num_queries):
    page = make_standard_page(site.home, title="Over ons")
    fresh = Page.objects.get(pk=page.pk)
    wagtail_internals.remember_parent(fresh, site.home)

    with django_assert_num_queries(0):
        assert fresh.get_parent() is site.home


def test_the_public_pages_are_those_wagtail_calls_public_less_the_aliases_of_hidden_ones(site):
    public = make_standard_page(site.home, title="Openbaar")
    hidden = make_standard_page(site.home, title="Intern")
    report = make_standard_page(hidden, title="Intern verslag")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    alias_of_public = public.create_alias(parent=site.home, update_slug="openbaar-kopie")
    alias_of_hidden = report.create_alias(parent=public, update_slug="verslag-kopie")
    wagtail_internals.forget_restricted_paths()

    ours = set(visible_to_everyone(Page.objects.values_list("pk", flat=True)))
    # Wagtail hides what lies under a restriction; an alias of such a page is public to Wagtail, hidden here.
    assert ours == set(Page.objects.public().values_list("pk", flat=True)) - {alias_of_hidden.pk}
    assert hidden.pk not in ours
    assert alias_of_public.pk in ours


def test_bulk_tree_paths_are_those_treebeard_gives(site):
    first = make_standard_page(site.home, title="Eerste")
    parent = Page.objects.get(pk=site.home.pk)
    expected = wagtail_internals.child_path(parent, wagtail_internals.child_number(first) + 1)

    second = make_standard_page(site.home, title="Tweede")

    assert second.path == expected
    assert wagtail_internals.child_number(second) == wagtail_internals.child_number(first) + 1


def test_a_document_made_in_code_gets_the_size_and_hash_wagtail_records(db):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.utils.file import hash_filelike

    content = b"%PDF-1.4 verslag"
    document = Document(title="Verslag")
    document.file.save("verslag.pdf", ContentFile(content), save=False)
    wagtail_internals.set_file_metadata(document)

    assert document.file_size == len(content)
    assert document.file_hash == hash_filelike(ContentFile(content))

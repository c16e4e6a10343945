"""Where HomePage and StandardPage may sit in the page tree, and how many of each there may be."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from portal.models import StandardPage
from tests.builders import make_site, make_standard_page


class PortalPageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_directly_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_holds_standard_pages_and_one_of_each_section(self):
        # A section (the news, and those of the other apps) is a page type that lives only under the home page,
        # once; nothing else but standard pages may go there.
        sections = {
            model
            for model in get_page_models()
            if model.allowed_parent_page_models() == [HomePage] and model.max_count == 1
        }
        self.assertIn(NewsIndexPage, sections)
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, *sections})
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)

    def test_standard_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)
        self.assertCanNotCreateAt(NewsArticlePage, StandardPage)


class PortalPageCountTests(WagtailPageTestCase):
    def setUp(self):
        self.tree = make_site()

    def test_there_is_only_one_home_page(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_a_first_home_page_can_be_created(self):
        self.tree.home.delete()
        self.assertTrue(HomePage.can_create_at(Page.get_first_root_node()))

    def test_standard_pages_are_not_limited_in_number(self):
        self.assertIsNone(StandardPage.max_count)
        for title in ("Over ons", "Contact", "Privacy"):
            make_standard_page(self.tree.home, title=title)
        self.assertTrue(StandardPage.can_create_at(self.tree.home))
        self.assertEqual(StandardPage.objects.child_of(self.tree.home).count(), 3)

"""Where the news index and news articles may sit in the page tree, and how many news indexes there may be."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from portal.models import StandardPage
from tests.builders import make_site


class NewsPageTreeTests(WagtailPageTestCase):
    def test_news_index_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, NewsIndexPage)

    def test_news_index_holds_only_articles(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})

    def test_articles_sit_under_the_news_index_only_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(StandardPage, NewsArticlePage)
        self.assertAllowedSubpageTypes(NewsArticlePage, set())


class NewsIndexCountTests(WagtailPageTestCase):
    def setUp(self):
        self.tree = make_site()

    def test_there_is_only_one_news_index(self):
        self.assertEqual(NewsIndexPage.max_count, 1)
        self.assertFalse(NewsIndexPage.can_create_at(self.tree.home))

    def test_a_first_news_index_can_be_created(self):
        self.tree.news_index.delete()
        self.assertTrue(NewsIndexPage.can_create_at(self.tree.home))

    def test_articles_are_not_limited_in_number(self):
        self.assertIsNone(NewsArticlePage.max_count)
        self.assertTrue(NewsArticlePage.can_create_at(self.tree.news_index))

    def test_with_the_news_index_taken_the_home_page_offers_no_second_one(self):
        # The admin's "add child page" list: the allowed types that can still be created here.
        offered = [model for model in HomePage.allowed_subpage_models() if model.can_create_at(self.tree.home)]
        self.assertIn(StandardPage, offered)
        self.assertNotIn(NewsIndexPage, offered)

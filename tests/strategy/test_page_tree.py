"""Where the strategy, its chapters and its themes may sit in the page tree, and how many strategies there may be."""

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import NewsIndexPage
from portal.models import StandardPage
from strategy.models import StrategyChapterPage, StrategyPage, ThemePage
from tests.builders import make_site
from tests.strategy.builders import make_chapter, make_strategy, make_theme


class StrategyPageTreeTests(WagtailPageTestCase):
    def test_the_strategy_sits_under_the_home_page_and_holds_chapters_and_themes(self):
        self.assertAllowedParentPageTypes(StrategyPage, {HomePage})
        self.assertAllowedSubpageTypes(StrategyPage, {StrategyChapterPage, ThemePage})
        self.assertCanCreateAt(HomePage, StrategyPage)
        self.assertCanNotCreateAt(StandardPage, StrategyPage)
        self.assertCanNotCreateAt(NewsIndexPage, StrategyPage)

    def test_chapters_and_themes_sit_only_under_the_strategy_and_hold_nothing(self):
        for model in (StrategyChapterPage, ThemePage):
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {StrategyPage})
                self.assertAllowedSubpageTypes(model, set())
                self.assertCanNotCreateAt(HomePage, model)
                self.assertCanNotCreateAt(StandardPage, model)

    def test_the_home_page_holds_the_strategy_among_its_sections(self):
        self.assertIn(StrategyPage, HomePage.allowed_subpage_models())


class StrategyPageCountTests(WagtailPageTestCase):
    def setUp(self):
        self.tree = make_site()

    def test_there_is_only_one_strategy(self):
        self.assertEqual(StrategyPage.max_count, 1)
        self.assertTrue(StrategyPage.can_create_at(self.tree.home))

        make_strategy(self.tree.home)

        self.assertFalse(StrategyPage.can_create_at(self.tree.home))

    def test_chapters_and_themes_are_not_limited_in_number(self):
        strategy = make_strategy(self.tree.home)
        for number in range(3):
            make_chapter(strategy, title=f"Hoofdstuk {number}")
            make_theme(strategy, title=f"Thema {number}")

        self.assertIsNone(StrategyChapterPage.max_count)
        self.assertIsNone(ThemePage.max_count)
        self.assertTrue(StrategyChapterPage.can_create_at(strategy))
        self.assertTrue(ThemePage.can_create_at(strategy))
        self.assertEqual(strategy.get_children().count(), 6)

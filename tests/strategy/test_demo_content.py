"""`load_demo_content` builds the strategy from its fixture: idempotently, in the PDF's order, with its themes'
news, and without any of the PDF's artefacts on a page."""

import io
import re
from pathlib import Path

import yaml
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, Revision

from news.models import NewsArticlePage
from strategy.models import StrategyChapterPage, StrategyPage, ThemePage
from tests.markup import listed_titles, main_menu
from tests.seeds import STRATEGY_SEED, parse_formation_table
from tests.strategy.html import article_text, side_nav, soup
from tests.strategy.test_fixture import OCR_SLIPS, fixture
from tests.strategy.test_toc import assert_toc_matches_headings

NEWS_FIXTURE = Path(__file__).resolve().parents[2] / "news" / "demo" / "news.yaml"

# The PDF's left-hand menu as the OCR repeated it through the text, and its page-turn note.
SIDE_MENU = "Voorpagina Regionaal Veiligheidscollege Samen slagvaardig Samenvatting Prioriteiten bepalen de koers"
PAGE_TURN = ("Lees verder op de volgende pagina", "[=3")


def load_demo_content():
    call_command("load_demo_content", stdout=io.StringIO())


def split_words():
    """Words the seed splits at a line end ("samenwer-\\nkingsverbanden") as they would show if left split."""
    if not STRATEGY_SEED.exists():
        return ["samenwer-kingsverbanden", "maatschap-pelijke", "georgani-seerde", "digi-talisering"]
    text = STRATEGY_SEED.read_text(encoding="utf-8")
    return sorted({f"{a}-{b}" for a, b in re.findall(r"(\w+)-\n\s*([a-zà-ÿ]\w*)", text) if b not in ("en", "of")})


def formation_table_rows():
    """The formation table as the seed has it, or as the fixture has it when the seed is absent."""
    if STRATEGY_SEED.exists():
        return parse_formation_table(STRATEGY_SEED.read_text(encoding="utf-8"))
    table = next(
        item["formation_table"]
        for section in fixture()["sections"]
        for item in section.get("body", [])
        if "formation_table" in item
    )
    return [(unit, *numbers) for unit, numbers in [*table["rows"].items(), *table["total"].items()]]


class DemoStrategyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cache.clear()  # Wagtail keeps the site root paths in the (database) cache
        load_demo_content()
        cls.strategy = StrategyPage.objects.get()

    def strategy_pages(self):
        """The path of every page of the strategy, the print-all page included."""
        pages = [self.strategy, *Page.objects.child_of(self.strategy).specific()]
        return [page.url for page in pages] + [f"{self.strategy.url}alles/"]

    def test_the_strategy_has_the_pdfs_chapters_and_themes_in_order(self):
        response = self.client.get("/veiligheidsstrategie/")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [label for label, _, _ in side_nav(response)],
            ["Voorpagina", *(section.get("menu_title") or section["title"] for section in fixture()["sections"])],
        )
        self.assertEqual(StrategyChapterPage.objects.live().count(), 7)
        self.assertEqual(ThemePage.objects.live().filter(archived=False).count(), 3)
        self.assertIn(("Regionale Veiligheidsstrategie", "/veiligheidsstrategie/", True), main_menu(response))

    def test_every_page_renders_without_the_pdfs_artefacts(self):
        artefacts = [*PAGE_TURN, SIDE_MENU, *OCR_SLIPS, *split_words()]
        bullet = re.compile(r"(?:^|\s)[e¢©«]\s+(?=[A-Z(])")
        for path in self.strategy_pages():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                text = article_text(response)
                self.assertEqual([artefact for artefact in artefacts if artefact in text], [])
                self.assertIsNone(bullet.search(text))

    def test_the_cleaned_words_are_on_the_pages(self):
        text = " ".join(article_text(self.client.get(path)) for path in self.strategy_pages()[:-1])

        for word in ("geëvalueerd", "casusniveau", "Dit is voor drugscriminelen", "recreëren", "potentiële",
                     "een vreedzame samenleving", "samenwerkingsverbanden", "maatschappelijke"):  # fmt: skip
            self.assertIn(word, text)

    def test_every_chapter_and_theme_has_a_table_of_contents_matching_its_headings(self):
        for page in Page.objects.child_of(self.strategy):
            with self.subTest(page=page.slug):
                assert_toc_matches_headings(self.client.get(page.url))

    def test_the_formation_table_shows_the_seeds_numbers_in_dutch_notation(self):
        response = self.client.get("/veiligheidsstrategie/formatie-en-inrichtingsplan-politie/")
        table = soup(response).find("table")
        rendered = [
            (row.th.get_text(strip=True), *(cell.get_text(strip=True) for cell in row.find_all("td")))
            for row in table.find_all("tr")[1:]
        ]

        self.assertEqual(
            rendered,
            [
                (unit, *(f"{number:,}".replace(",", ".") for number in numbers))
                for unit, *numbers in formation_table_rows()
            ],
        )
        self.assertEqual(rendered[-1], ("Eenheid Midden-Nederland", "4.405", "423", "202", "5.030"))
        self.assertIn("(stand 24-10-2022)", table.caption.get_text())
        self.assertEqual(table.tfoot.th.get_text(), "Eenheid Midden-Nederland")
        self.assertEqual(len(soup(response).find("svg", role="img").find_all("rect")), 13)

    def test_the_cover_shows_the_key_figures(self):
        cards = soup(self.client.get("/veiligheidsstrategie/")).select("li.key-figure")
        texts = [" ".join(card.get_text(" ").split()) for card in cards]

        self.assertEqual(len(texts), 3)
        self.assertTrue(texts[0].startswith("90 van de 150 criminele samenwerkingsverbanden"))
        self.assertTrue(texts[1].startswith("2,1 miljoen inwoners"))
        self.assertTrue(texts[2].startswith("38 gemeenten"))

    def test_the_appendix_shows_the_gremia_and_the_twelve_trends(self):
        page = soup(self.client.get("/veiligheidsstrategie/bijlagen/"))

        gremia = [" ".join(dt.get_text().split()) for dt in page.select("dl.governance > div > dt")]
        self.assertIn("Regionaal Veiligheidscollege (art. 39 Politiewet 2012)", gremia)
        self.assertIn("Regionale driehoek (art. 41 Politiewet 2012)", gremia)
        self.assertEqual(len(gremia), 7)
        self.assertEqual(len(page.select("ul.trend-grid > li.trend-card")), 12)

    def test_each_theme_lists_the_news_the_fixture_links_to_it_newest_first(self):
        articles = yaml.safe_load(NEWS_FIXTURE.read_text(encoding="utf-8"))["articles"]
        linked = 0
        for theme in ThemePage.objects.all():
            expected = sorted(
                (article for article in articles if article.get("theme") == theme.slug),
                key=lambda article: article["date"],
                reverse=True,
            )[:5]
            linked += len(expected)
            with self.subTest(theme=theme.slug):
                self.assertTrue(expected)
                titles = listed_titles(self.client.get(theme.url), within="section.theme-news")
                self.assertEqual(titles, [article["title"] for article in expected])
        self.assertEqual(NewsArticlePage.objects.exclude(theme=None).count(), 10)
        self.assertEqual(linked, 2 + 2 + 5)

    def test_the_home_page_links_the_three_themes(self):
        section = soup(self.client.get("/")).find(id="themes-heading").find_parent("section")

        self.assertEqual(
            [link["href"] for link in section.find_all("a")],
            [theme.url for theme in ThemePage.objects.order_by("path")],
        )


class DemoStrategyLoaderTests(TestCase):
    def test_loading_twice_changes_nothing(self):
        load_demo_content()

        def snapshot():
            pages = sorted(Page.objects.values_list("pk", "title", "url_path", "live", "latest_revision_id"))
            return pages, Revision.objects.count()

        before = snapshot()
        load_demo_content()

        self.assertEqual(snapshot(), before)
        strategy = StrategyPage.objects.get()
        self.assertEqual(Page.objects.child_of(strategy).count(), 10)
        self.assertEqual(Revision.objects.filter(object_id__in=[str(strategy.pk)]).count(), 1)

"""The whole strategy on one page (/veiligheidsstrategie/alles/) and the print stylesheet for a chapter."""

from pathlib import Path

from tests.builders import restrict_to_logged_in
from tests.strategy.builders import formation_table, heading, make_chapter, make_theme, paragraph
from tests.strategy.html import ids, soup

PRINT_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "print.css"


def test_print_all_shows_every_current_chapter_and_theme_in_order(client, tree):
    response = client.get("/veiligheidsstrategie/alles/")

    assert response.status_code == 200
    page = soup(response)
    sections = page.select("section.strategy-print__section")
    assert [section.h2.get_text() for section in sections] == ["Samenvatting", "Maatschappelijke onrust", "Bijlagen"]
    contents = [(link.get_text(), link["href"]) for link in page.find("nav", class_="strategy-toc").find_all("a")]
    assert contents == [(section.h2.get_text(), f"#{section['id']}") for section in sections]
    text = page.find("article").get_text()
    for words in ("Keuzes maken.", "Verbinding met de samenleving", "Behouden en versterken.", "Kennis versterken."):
        assert words in text


def test_print_all_keeps_every_id_unique(client, tree):
    make_chapter(tree.strategy, title="Formatie", body=[heading("Focus"), formation_table(), paragraph("Tekst.")])
    make_theme(tree.strategy, title="Digitale veiligheid", body=[heading("Focus")], ambition=[paragraph("Ja.")])

    page_ids = ids(client.get("/veiligheidsstrategie/alles/"))

    assert len(page_ids) == len(set(page_ids))
    assert {"samenvatting--focus", "formatie--focus", "digitale-veiligheid--focus"} <= set(page_ids)
    assert {"maatschappelijke-onrust--ambitie", "digitale-veiligheid--ambitie"} <= set(page_ids)


def test_print_all_leaves_out_archived_and_hidden_pages(client, tree):
    tree.theme.archived = True
    tree.theme.save_revision().publish()
    restrict_to_logged_in(make_chapter(tree.strategy, title="Alleen na inlog"))
    make_chapter(tree.strategy, title="Concept", live=False)

    sections = soup(client.get("/veiligheidsstrategie/alles/")).select("section.strategy-print__section")

    assert [section.h2.get_text() for section in sections] == ["Samenvatting", "Bijlagen"]


def test_print_all_is_kept_out_of_search_engines_and_points_to_the_cover(client, tree):
    page = soup(client.get("/veiligheidsstrategie/alles/"))

    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical")["href"] == "http://localhost/veiligheidsstrategie/"


def test_the_cover_links_to_print_all(client, tree):
    links = [link["href"] for link in soup(client.get("/veiligheidsstrategie/")).select(".strategy-actions a")]

    assert "/veiligheidsstrategie/alles/" in links


def test_chapters_load_the_print_stylesheet_which_hides_the_navigation():
    css = PRINT_CSS.read_text(encoding="utf-8")
    hidden = css[: css.index("display: none")]

    for selector in (".strategy-nav", ".strategy-pager", ".main-nav", ".breadcrumbs"):
        assert selector in hidden


def test_a_chapter_links_the_print_stylesheet(client, tree):
    links = soup(client.get(tree.summary.url)).find_all("link", rel="stylesheet")

    assert any(link.get("media") == "print" and "print" in link["href"] for link in links)

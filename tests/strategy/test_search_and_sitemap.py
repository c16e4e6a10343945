"""Chapters and themes are found by the site search (Dutch stemming) and listed in the sitemap."""

from django.core.management import call_command

from tests.builders import restrict_to_logged_in
from tests.markup import search_results, sitemap_content
from tests.strategy.builders import make_chapter, paragraph


def test_search_finds_a_chapter_by_its_body(client, tree):
    make_chapter(
        tree.strategy, title="Formatie- en inrichtingsplan politie", body=[paragraph("Wijkagenten in balans.")]
    )
    call_command("update_index", verbosity=0)

    results = search_results(client.get("/zoeken/", {"q": "wijkagent"}))

    assert (
        "Formatie- en inrichtingsplan politie",
        "/veiligheidsstrategie/formatie-en-inrichtingsplan-politie/",
    ) in results


def test_search_finds_a_theme_by_its_sub_themes_and_approach(client, tree):
    call_command("update_index", verbosity=0)

    for query in ("samenleving verbinding", "kennis versterken"):
        results = search_results(client.get("/zoeken/", {"q": query}))
        assert ("Maatschappelijke onrust", tree.theme.url) in results, query


def test_search_leaves_out_restricted_chapters(client, tree):
    restrict_to_logged_in(make_chapter(tree.strategy, title="Vertrouwelijk", body=[paragraph("Wijkagenten.")]))
    call_command("update_index", verbosity=0)

    assert search_results(client.get("/zoeken/", {"q": "wijkagenten"})) == []


def test_the_sitemap_lists_the_strategy_its_chapters_and_themes(client, tree):
    content = sitemap_content(client)

    for page in (tree.strategy, tree.summary, tree.theme, tree.appendix):
        assert f"<loc>http://localhost{page.url}</loc>" in content, page.url

"""Each chapter and theme has a table of contents of its h2 and h3 headings whose links land on those headings."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError

from strategy.blocks import StrategyStreamBlock
from tests.strategy.builders import heading, make_chapter, make_theme, paragraph
from tests.strategy.html import article_headings, ids, toc


def assert_toc_matches_headings(response):
    """Every h2/h3 of the article is in the table of contents, in order, at its level, linking to its own id;
    without headings there is no table of contents."""
    headings = article_headings(response)
    assert toc(response) == [(text, f"#{anchor}", level) for level, anchor, text in headings]
    page_ids = ids(response)
    assert len(page_ids) == len(set(page_ids)), "duplicate ids"


def test_a_chapters_table_of_contents_lists_its_headings_with_h3_under_h2(client, tree):
    response = client.get(tree.summary.url)

    assert toc(response) == [("Focus", "#focus", 2), ("Flexibel", "#flexibel", 3)]
    assert_toc_matches_headings(response)


def test_a_themes_table_of_contents_has_its_fixed_parts_and_body_headings(client, tree):
    response = client.get(tree.theme.url)

    assert toc(response) == [
        ("Subthema’s", "#subthemas", 2),
        ("Polarisatie en radicalisering", "#polarisatie-en-radicalisering", 2),
        ("Ambitie: bouwen aan een vreedzame samenleving", "#ambitie", 2),
        ("Aanpak", "#aanpak", 2),
    ]
    assert_toc_matches_headings(response)


def test_anchors_stay_the_same_from_one_request_to_the_next(client, tree):
    assert toc(client.get(tree.summary.url)) == toc(client.get(tree.summary.url))


def test_a_chapter_without_headings_has_no_table_of_contents(client, tree):
    chapter = make_chapter(tree.strategy, title="Samen slagvaardig", body=[paragraph("Alleen tekst.")])

    assert toc(client.get(chapter.url)) == []
    assert 'class="strategy-toc"' not in client.get(chapter.url).content.decode()


def test_a_stream_may_not_repeat_a_heading():
    block = StrategyStreamBlock()
    value = block.to_python([heading("Focus"), paragraph("Eén."), heading("Focus", "h3")])

    with pytest.raises(StreamBlockValidationError) as raised:
        block.clean(value)

    assert list(raised.value.block_errors) == [2]


def test_a_heading_needs_letters_or_digits_for_its_anchor():
    block = StrategyStreamBlock()

    with pytest.raises(StreamBlockValidationError) as raised:
        block.clean(block.to_python([heading("…")]))

    assert list(raised.value.block_errors) == [0]


def test_distinct_headings_pass():
    block = StrategyStreamBlock()
    block.clean(block.to_python([heading("Focus"), heading("Flexibel", "h3")]))


def test_a_theme_heading_may_not_take_the_anchor_of_a_fixed_part(tree):
    theme = make_theme(tree.strategy, title="Digitale veiligheid", body=[heading("Ambitie")], live=False)
    theme.ambition = [paragraph("Beter beschermd.")]

    with pytest.raises(ValidationError, match="ambitie"):
        theme.full_clean()


def test_a_theme_without_ambition_strategy_or_approach_shows_none_of_those_headings(client, tree):
    theme = make_theme(tree.strategy, title="Digitale veiligheid", body=[heading("Digitale ramen en deuren")])

    headings = [text for _, _, text in article_headings(client.get(theme.url))]

    assert headings == ["Digitale ramen en deuren"]

"""The strategy's cover: title with its period, the chapters in order, and the PDF to download when there is one."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from strategy.models import StrategyPage
from tests.strategy.html import soup


def test_the_cover_shows_title_period_and_the_contents_in_order(client, tree):
    page = soup(client.get("/veiligheidsstrategie/"))

    assert " ".join(page.h1.get_text().split()) == "Regionale Veiligheidsstrategie 2023-2026"
    contents = [link.get_text() for link in page.find("ol", class_="chapter-list").find_all("a")]
    assert contents == ["Samenvatting", "Maatschappelijke onrust", "Bijlagen"]


def test_the_cover_offers_the_pdf_when_there_is_one(client, tree):
    document = get_document_model().objects.create(
        title="Regionale Veiligheidsstrategie 2023-2026", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="rvs.pdf")
    )
    tree.strategy.document = document
    tree.strategy.save_revision().publish()

    link = soup(client.get("/veiligheidsstrategie/")).find("a", href=document.url)

    assert link is not None
    assert " ".join(link.get_text().split()).startswith("Download de strategie (PDF, ")
    assert client.get(document.url).status_code == 200


def test_the_cover_offers_no_download_without_a_pdf(client, tree):
    links = [link["href"] for link in soup(client.get("/veiligheidsstrategie/")).select(".strategy-actions a")]

    assert links == ["/veiligheidsstrategie/alles/"]


@pytest.mark.django_db
def test_a_new_strategy_is_in_the_menu_by_default():
    assert StrategyPage().show_in_menus is True

"""Editors can open every strategy page type in the Wagtail admin, with all of its panels and blocks."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.strategy.builders import formation_table, heading, make_chapter, paragraph


@pytest.fixture
def editor_client(client, db):
    email = "redactie@example.org"
    user = get_user_model().objects.create_superuser(email=email, password="correct-horse-battery")
    if apps.is_installed("allauth.mfa"):  # the admin asks for a verified address and a second factor
        from allauth.account.models import EmailAddress
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


def test_edit_forms_open_for_every_page_type(editor_client, tree):
    chapter = make_chapter(
        tree.strategy,
        title="Formatie",
        body=[
            heading("Formatie"),
            paragraph("Tekst."),
            formation_table(),
            {"type": "key_figures", "value": {"figures": [{"figure": "38", "label": "gemeenten"}]}},
            {"type": "governance", "value": {"bodies": [{"name": "Regionale driehoek", "content": "Afstemming"}]}},
            {"type": "trends", "value": {"trends": [{"title": "Crime change"}]}},
        ],
    )
    for page in (tree.strategy, chapter, tree.theme):
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page


def test_add_forms_open_for_chapters_and_themes(editor_client, tree):
    for model in ("strategychapterpage", "themepage"):
        response = editor_client.get(reverse("wagtailadmin_pages:add", args=["strategy", model, tree.strategy.pk]))
        assert response.status_code == 200, model


def test_the_news_article_form_offers_a_theme(editor_client, site, tree):
    from tests.builders import make_article

    article = make_article(site.news_index, theme=tree.theme)
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    assert 'name="theme"' in response.content.decode()

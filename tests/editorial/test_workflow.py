"""The moderation path through the admin: submit → reject → resubmit → approve → live, and again after an edit.

Every step is a real admin request; the notification e-mails are Wagtail's own, in django.core.mail.outbox.
"""

import pytest
from django.core import mail
from django.urls import reverse

from editorial.roles import EINDREDACTIE, REDACTEUR
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def test_submit_reject_resubmit_approve_then_edit_needs_approval_again(client, site, users, article_form):
    writer, chief = users[REDACTEUR], users[EINDREDACTIE]
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site.news_index.pk])

    # 1. The Redacteur writes an article and submits it; the Eindredactie is told by e-mail.
    client.force_login(writer)
    mail.outbox.clear()
    response = client.post(add_url, article_form("Nieuwe toolkit", **{"action-submit": "submit"}))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="nieuwe-toolkit")
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    assert recipients(mail.outbox) == [chief.email]
    assert "Nieuwe toolkit" in mail.outbox[0].subject + mail.outbox[0].body

    # 2. The Eindredactie rejects it with a comment; the Redacteur gets the comment by e-mail.
    client.force_login(chief)
    mail.outbox.clear()
    response = workflow_action(client, article, "reject", comment="Bron toevoegen graag.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == "needs_changes" and not article.live
    assert recipients(mail.outbox) == [writer.email]
    assert "Bron toevoegen graag." in mail.outbox[0].body

    # 3. The Redacteur edits and resubmits; the Eindredactie is told again.
    client.force_login(writer)
    mail.outbox.clear()
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.post(edit_url, article_form("Nieuwe toolkit", summary="Met bron.", **{"action-submit": "submit"}))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == "in_progress" and not article.live
    assert recipients(mail.outbox) == [chief.email]

    # 4. The Eindredactie approves: the article goes live; the Redacteur hears so.
    client.force_login(chief)
    mail.outbox.clear()
    assert workflow_action(client, article, "approve").status_code == 302
    article.refresh_from_db()
    assert article.live and article.summary == "Met bron." and article.current_workflow_state is None
    assert writer.email in recipients(mail.outbox)
    assert client.get(article.url).status_code == 200

    # 5. An edit after approval is a draft until it is approved again; the live version stays as it was.
    client.force_login(writer)
    response = client.post(
        edit_url, article_form("Nieuwe toolkit", summary="Gewijzigd.", **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.summary == "Met bron." and article.has_unpublished_changes
    assert article.current_workflow_state.status == "in_progress"
    client.logout()
    assert "Gewijzigd." not in client.get(article.url).content.decode()

    client.force_login(chief)
    assert workflow_action(client, article, "approve").status_code == 302
    article.refresh_from_db()
    assert article.summary == "Gewijzigd." and not article.has_unpublished_changes


def test_a_redacteur_cannot_approve_their_own_submission(client, site, users, article_form):
    writer = users[REDACTEUR]
    client.force_login(writer)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site.news_index.pk])
    client.post(add_url, article_form("Eigen stuk", **{"action-submit": "submit"}))
    article = NewsArticlePage.objects.get(slug="eigen-stuk")
    response = workflow_action(client, article, "approve")
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert not article.live and article.current_workflow_state.status == "in_progress"

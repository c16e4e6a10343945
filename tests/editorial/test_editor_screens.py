"""What editors see in the admin: dates that start at today, an approval that says when a scheduled page goes live
(button, message and mail), Dutch names, and avatars without Gravatar."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.text import camel_case_to_spaces

from editorial.roles import EINDREDACTIE, REDACTEUR
from news.models import NewsArticlePage
from tests.newsletter.builders import make_newsletter_index

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("portal", "news", "strategy", "events", "editorial", "newsletter", "apothekerskast")


def date_input_value(html, name):
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": name})
    assert field, f"no input {name}"
    return field.get("value", "")


def test_a_new_article_and_a_new_edition_start_with_todays_date(client, site, users):
    client.force_login(users[REDACTEUR])
    today = datetime.date.today()
    accepted = {today.strftime("%Y-%m-%d"), today.strftime("%d-%m-%Y")}

    response = client.get(reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site.news_index.pk]))
    assert date_input_value(response.content.decode(), "date") in accepted

    newsletter = make_newsletter_index(site.home)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["newsletter", "newslettereditionpage", newsletter.pk])
    )
    assert date_input_value(response.content.decode(), "date") in accepted


def test_approving_a_scheduled_article_says_when_it_goes_live_in_the_button_the_message_and_the_mail(
    client, site, users, article_form
):
    writer, chief = users[REDACTEUR], users[EINDREDACTIE]
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    go_live = go_live.replace(hour=9, minute=30, second=0, microsecond=0)
    fields = {"go_live_at": go_live.strftime("%Y-%m-%d %H:%M")}
    client.force_login(writer)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site.news_index.pk])
    client.post(add_url, article_form("Later live", **fields, **{"action-submit": "submit"}))
    article = NewsArticlePage.objects.get(slug="later-live")
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    months = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
    when = f"{go_live.day} {months[go_live.month - 1]} {go_live.year} om 09:30"

    client.force_login(chief)
    editor = client.get(edit_url).content.decode()
    assert f"Goedkeuren en publiceren op {when}" in editor
    assert "Goedkeuren en publiceren<" not in editor and "Goedkeuren en publiceren\n" not in editor

    mail.outbox.clear()
    response = client.post(
        edit_url,
        article_form("Later live", **fields, **{"action-workflow-action": "true", "workflow-action-name": "approve"}),
        follow=True,
    )
    article.refresh_from_db()
    assert not article.live and article.scheduled_revision is not None
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [f"‘Later live’ is goedgekeurd en wordt gepubliceerd op {when}."]

    (approval,) = [message for message in mail.outbox if message.to == [writer.email]]
    for part in (approval.body, approval.alternatives[0][0]):
        assert f"Ze wordt gepubliceerd op {when}" in part
        assert edit_url in part  # the page in the admin
        assert f"/nieuws/{article.slug}/" not in part  # the public address answers 404 until then
    client.logout()
    assert client.get(f"/nieuws/{article.slug}/").status_code == 404


def test_every_model_of_the_site_has_a_dutch_name(db):
    english = []
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            default = camel_case_to_spaces(model.__name__)
            names = (str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
            if default in names or f"{default}s" in names:
                english.append(f"{label}.{model.__name__}: {names}")
    assert english == []


def test_avatars_are_initials_not_gravatar(client, users):
    chief = users[EINDREDACTIE]
    client.force_login(chief)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html
    assert "data:image/svg+xml," in html and "default-user-avatar" not in html
    initials = chief.email[0].upper()
    assert re.search(rf"data:image/svg\+xml,[^\"]*%3E{initials}[A-Z]?%3C/text", html)

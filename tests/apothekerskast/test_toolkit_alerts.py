"""Toolkit alerts: a member follows strategy themes and gets one e-mail (title and link, no file) when a toolkit is
published under a followed theme, sent by the scheduler's job, not in the editor's publish request; never twice for a
toolkit, never to a non-member; unfollowing takes one click."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from apothekerskast.models import ThemeFollow
from tests.apothekerskast.builders import SECRET_DOCUMENT, SECRET_FILENAME, make_person, make_toolkit
from tests.markup import page_text
from tests.strategy.builders import make_theme

pytestmark = pytest.mark.django_db

THEMES_URL = "/account/apothekerskast/themas/"
NEW_TOOLKIT = "Toolkit Jongerenoverlast"


@pytest.fixture
def other_theme(strategy):
    return make_theme(strategy, title="Ondermijning")


def follow(client, user, *themes):
    client.force_login(user)
    return client.post(THEMES_URL, {"themes": [theme.pk for theme in themes]})


def publish(index, title=NEW_TOOLKIT, **fields):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return make_toolkit(index, title, **fields)


def deliver():
    """The scheduler's job (editorial.scheduler, every minute)."""
    call_command("send_toolkit_alerts", stdout=io.StringIO())


def test_a_member_follows_themes_on_the_themes_page(client, member, theme, other_theme):
    client.force_login(member)
    page = client.get(THEMES_URL)
    assert page.status_code == 200
    assert "Maatschappelijke onrust" in page_text(page) and "Ondermijning" in page_text(page)
    assert follow(client, member, theme, other_theme).status_code == 302
    assert set(ThemeFollow.objects.filter(user=member).values_list("theme", flat=True)) == {theme.pk, other_theme.pk}
    follow(client, member, other_theme)
    assert list(ThemeFollow.objects.filter(user=member).values_list("theme", flat=True)) == [other_theme.pk]


def test_the_library_links_to_the_themes_page(client, member, library):
    client.force_login(member)
    assert f'href="{THEMES_URL}"' in client.get("/apothekerskast/").content.decode()


@pytest.mark.parametrize("state", ["pending", "revoked", "expired"])
def test_non_members_cannot_follow(client, person, theme, state):
    user = person(state)
    client.force_login(user)
    assert client.get(THEMES_URL).status_code == 403
    follow(client, user, theme)
    assert not ThemeFollow.objects.exists()


def test_publishing_under_a_followed_theme_sends_one_mail_with_title_and_link_only(
    client, member, library, theme, other_theme
):
    follow(client, member, theme)
    mail.outbox.clear()
    publish(library.index, theme=theme)
    assert mail.outbox == []  # the editor's publish request does not wait for the mail
    deliver()
    assert [message.to for message in mail.outbox] == [[member.email]]
    message = mail.outbox[0]
    assert NEW_TOOLKIT in message.subject
    assert "/apothekerskast/toolkit-jongerenoverlast/" in message.body
    assert message.attachments == []
    assert SECRET_DOCUMENT not in message.body and SECRET_FILENAME not in message.body
    assert "/documenten/" not in message.body
    assert message.extra_headers.get("List-Unsubscribe")


def test_republishing_sends_nothing_new(client, member, library, theme):
    follow(client, member, theme)
    toolkit = publish(library.index, theme=theme)
    deliver()
    with TestCase.captureOnCommitCallbacks(execute=True):
        toolkit.save_revision().publish()
    deliver()
    assert len(mail.outbox) == 1


def test_other_themes_and_toolkits_without_a_theme_send_nothing(client, member, library, theme, other_theme):
    follow(client, member, theme)
    publish(library.index, "Toolkit Drugs", theme=other_theme)
    publish(library.index, "Toolkit Zonder thema")
    deliver()
    assert mail.outbox == []


def test_a_follower_who_lost_access_gets_nothing(client, member, library, theme, manager):
    follow(client, member, theme)
    member.access_requests.get().revoke(by=manager)
    mail.outbox.clear()
    publish(library.index, theme=theme)
    deliver()
    assert mail.outbox == []


def test_a_follower_who_loses_access_before_the_mail_goes_gets_nothing(client, member, library, theme, manager):
    follow(client, member, theme)
    mail.outbox.clear()
    publish(library.index, theme=theme)
    member.access_requests.get().revoke(by=manager)
    deliver()
    assert mail.outbox == []


def test_a_toolkit_unpublished_before_the_mail_goes_is_announced_when_it_comes_back(client, member, library, theme):
    follow(client, member, theme)
    mail.outbox.clear()
    toolkit = publish(library.index, theme=theme)
    toolkit.unpublish()
    deliver()
    assert mail.outbox == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        toolkit.save_revision().publish()
    deliver()
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_unfollowing_takes_one_click_without_logging_in(client, member, library, theme, other_theme):
    follow(client, member, theme, other_theme)
    publish(library.index, theme=theme)
    deliver()
    link = re.search(r"https?://\S+/themas/niet-meer-volgen/\S+", mail.outbox[0].body).group(0)
    client.logout()
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    assert "Maatschappelijke onrust" in page_text(response)
    assert list(ThemeFollow.objects.filter(user=member).values_list("theme", flat=True)) == [other_theme.pk]


def test_a_tampered_unfollow_link_does_nothing(client, member, library, theme):
    follow(client, member, theme)
    publish(library.index, theme=theme)
    deliver()
    link = re.search(r"https?://\S+/themas/niet-meer-volgen/\S+", mail.outbox[0].body).group(0)
    client.logout()
    response = client.get(urlsplit(link).path.replace(":", ":x", 1))
    assert response.status_code == 400
    assert ThemeFollow.objects.filter(user=member).exists()


def test_publishing_costs_the_same_queries_for_many_followers(client, organisation, library, theme):
    def publish_counting(title, followers):
        for number in range(followers):
            user = make_person("member", organisation, email=f"{title}{number}@utrecht.nl".lower().replace(" ", ""))
            ThemeFollow.objects.create(user=user, theme=theme)
        with CaptureQueriesContext(connection) as queries:
            publish(library.index, title, theme=theme)
        return len(queries)

    publish_counting("Nul", 0)  # the theme's first toolkit costs a little more (its page's cache keys)
    few = publish_counting("Een", 1)
    many = publish_counting("Twee", 10)
    assert many == few
    deliver()
    assert len(mail.outbox) == 1 + 11

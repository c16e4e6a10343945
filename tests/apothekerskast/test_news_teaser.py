"""A public news article can point to a toolkit: everyone sees its title and a way in, never a document."""

import pytest

from apothekerskast.models import ToolkitAnnouncement
from tests.apothekerskast.builders import SECRET_DOCUMENT, SECRET_TOOLKIT
from tests.builders import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site, library):
    article = make_article(site.news_index, title="Maak kennis met de toolkit")
    library.toolkit.announcements = [ToolkitAnnouncement(article=article)]
    library.toolkit.save_revision().publish()
    return article


@pytest.mark.parametrize("state", ["anonymous", "pending", "member"])
def test_article_shows_the_toolkit_title_and_a_login_prompt_only(client, library, article, person, member, state):
    if state == "member":
        client.force_login(member)
    elif state != "anonymous":
        client.force_login(person(state))
    response = client.get(article.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert SECRET_TOOLKIT in body
    assert f'href="{library.toolkit.url}"' in body
    assert "Log in om de toolkit" in body
    assert "/documenten/" not in body
    assert SECRET_DOCUMENT not in body


def test_following_the_teaser_leads_an_anonymous_visitor_to_the_login(client, library, article):
    response = client.get(library.toolkit.url)
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={library.toolkit.url}"


def test_articles_without_an_announcement_show_no_teaser(client, site, library):
    article = make_article(site.news_index, title="Gewoon nieuws")
    assert "apothekerskast" not in client.get(article.url).content.decode().lower()

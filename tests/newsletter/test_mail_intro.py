"""The intro of an edition's mail is rich text: a link to a page on the site works from the reader's mailbox."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from tests.builders import make_article
from tests.newsletter.builders import make_edition, make_subscribers

pytestmark = pytest.mark.django_db


def test_a_page_link_in_the_intro_is_an_absolute_link_in_both_parts_of_the_mail(site, newsletter):
    article = make_article(site.news_index, title="Toolkit vuurwerk", summary="Een toolkit.")
    edition = make_edition(newsletter, [article])
    edition.intro = f'<p>Lees eerst <a linktype="page" id="{article.pk}">de nieuwe toolkit</a>.</p>'
    edition.save_revision().publish()
    make_subscribers(1)

    call_command("send_newsletter", str(edition.pk), stdout=io.StringIO())

    (message,) = mail.outbox
    ((html, _),) = message.alternatives
    url = article.get_full_url()
    assert url.startswith("http://localhost/")
    assert f'<a href="{url}" style="color:#0b4f6c;text-decoration:underline;">de nieuwe toolkit</a>' in html
    assert "linktype" not in html
    assert f"Lees eerst de nieuwe toolkit ({url})." in message.body

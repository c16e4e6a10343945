"""axe-core finds no WCAG 2.1 A/AA violation on the agenda, an event, the newsletter and an edition."""

import pytest

from events.models import EventPage
from tests.browser.a11y import assert_no_axe_violations
from tests.browser.conftest import browser_test

pytestmark = browser_test

PAGES = [
    pytest.param("/agenda/", id="agenda"),
    pytest.param("/agenda/archief/", id="agenda-archive"),
    pytest.param("/agenda/kennissessie-complexe-demonstraties/", id="event"),
    pytest.param("/agenda/regionale-bijeenkomst-themas-veiligheidsstrategie/", id="event-save-the-date-morning"),
    pytest.param("/nieuwsbrief/", id="newsletter"),
    pytest.param("/nieuwsbrief/2023-12-20/", id="newsletter-edition"),
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(page, demo_site, path):
    response = page.goto(path)
    assert response.status == 200
    assert_no_axe_violations(page)
    assert_no_axe_violations(page, tags=["best-practice"])


def test_event_with_an_open_registration_form_has_no_violations(page, demo_site):
    event = EventPage.objects.get(slug="kennissessie-complexe-demonstraties")
    event.save_the_date = False
    event.start_date = event.start_date.replace(year=2099)
    event.registration_form = True
    event.capacity = 30
    event.save_revision().publish()
    page.goto(event.url)
    page.get_by_role("button", name="Aanmelden").click()  # submit empty: the errors must be accessible too
    assert_no_axe_violations(page)

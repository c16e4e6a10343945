from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from home.models import HomePage


class EventPageTreeTests(WagtailPageTestCase):
    def test_agenda_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertEqual(EventIndexPage.max_count, 1)

    def test_events_live_in_the_agenda_only_and_have_no_children(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, {})

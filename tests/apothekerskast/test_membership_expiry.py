"""Access that ends with time ends everywhere: the daily membership expiry (run by the scheduler) takes the members
group away, so Wagtail's own view restrictions, which ask only for the group, stop letting the person in too."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from apothekerskast import access
from apothekerskast.models import AccessRequest
from tests.builders import make_image
from tests.editorial.clock import daily_hour_passed_two_hours_ago

pytestmark = pytest.mark.django_db


def test_a_member_whose_access_ended_loses_the_library_images_after_the_daily_run(client, library, person, settings):
    settings.SCHEDULER_DAILY_HOUR = daily_hour_passed_two_hours_ago()
    rendition = make_image(title="Plattegrond", collection=access.library_collection()).get_rendition("fill-120x80")
    ended, current = person("member"), person("no_mfa")
    AccessRequest.objects.filter(user=ended).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(ended)
    assert client.get(library.toolkit.url).status_code == 403  # the doors check the access request itself

    call_command("run_scheduler", once=True, stdout=io.StringIO())

    assert client.get(rendition.url).status_code == 404
    assert not ended.groups.filter(name=access.MEMBERS_GROUP).exists()
    assert current.groups.filter(name=access.MEMBERS_GROUP).exists()

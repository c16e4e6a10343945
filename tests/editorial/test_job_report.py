"""Rapporten > Geplande taken: the Beheerder sees each job's last run and result; no other role sees it."""

import datetime

import pytest
from django.utils import timezone

from editorial.models import JobRun
from editorial.roles import BEHEERDER, BIBLIOTHEEKBEHEER, EINDREDACTIE, REDACTEUR
from tests.markup import page_text

pytestmark = pytest.mark.django_db
URL = "/admin/geplande-taken/"


def record(job, at, result=JobRun.Result.OK, output=""):
    return JobRun.objects.create(job=job, started_at=at, finished_at=at, result=result, output=output)


@pytest.fixture
def runs(db):
    now = timezone.now()
    record("purge_download_events", now - datetime.timedelta(days=1), JobRun.Result.FAILED, "Gisteren mislukt.")
    record("purge_download_events", now, output="12 downloadregistratie(s) verwijderd.")
    record("publish_scheduled", now)


def test_the_beheerder_sees_each_jobs_last_run_and_result(client, users, runs):
    client.force_login(users[BEHEERDER])
    response = client.get(URL)

    assert response.status_code == 200
    page = page_text(response)
    assert "Geplande taken" in page
    assert "Downloadregistratie na de bewaartermijn verwijderen" in page
    assert "12 downloadregistratie(s) verwijderd." in page
    assert "Gisteren mislukt." not in page  # only the last run
    assert "Geplande pagina's publiceren en depubliceren" in page
    assert page.count("Geslaagd") == 2 and "Mislukt" not in page
    assert URL in client.get("/admin/").content.decode()  # under Rapporten


@pytest.mark.parametrize("role", [REDACTEUR, EINDREDACTIE, BIBLIOTHEEKBEHEER])
def test_other_roles_are_refused_and_see_no_menu_item(client, users, runs, role):
    client.force_login(users[role])
    for url in (URL, URL + "resultaten/"):
        refused = client.get(url, follow=True)
        assert refused.redirect_chain == [("/admin/", 302)]  # Wagtail's refusal: back to the dashboard
        assert "12 downloadregistratie(s) verwijderd." not in refused.content.decode()
    assert URL not in client.get("/admin/").content.decode()

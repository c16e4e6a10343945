"""The demo: organisations from the project's own fixture, the library with example files, a demo official."""

import re
import time
from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import hotp_value
from django.core.management import call_command

from apothekerskast.models import AccessRequest, Organisation, ToolkitPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=StringIO())


def test_demo_loads_organisations_and_the_library_idempotently(demo):
    counts = (Organisation.objects.count(), ToolkitPage.objects.count())
    call_command("load_demo_content", stdout=StringIO())
    assert (Organisation.objects.count(), ToolkitPage.objects.count()) == counts
    assert Organisation.objects.filter(kind="gemeente").count() == 38
    for name in ("Politie", "Openbaar Ministerie", "RIEC Midden-Nederland", "Belastingdienst"):
        assert not Organisation.objects.get(name=name).domains.exists()
    assert Organisation.for_email("demo@example.org").name == "Demo-organisatie (voorbeeld)"
    titles = set(ToolkitPage.objects.values_list("title", flat=True))
    assert "Aanpak illegaal vuurwerk" in titles
    assert dict(ToolkitPage.objects.values_list("slug", "theme__title")) == {
        "aanpak-illegaal-vuurwerk": "Maatschappelijke onrust",
        "laat-je-niet-interneppen": "Digitale veiligheid en cybercriminaliteit",
        "kennisdocument-evenementen-digitaal-veilig": "Digitale veiligheid en cybercriminaliteit",
    }
    assert all(
        "(voorbeeldbestand)" in link.document.title
        for page in ToolkitPage.objects.all()
        for link in page.documents.all()
    )


def test_demo_official_logs_in_with_totp_and_downloads(client, demo):
    out = StringIO()
    call_command("create_demo_official", stdout=out)
    output = out.getvalue()
    password = re.search(r"Password:\s+(\S+)", output).group(1)
    secret = re.search(r"TOTP secret:\s+(\S+)", output).group(1)
    assert AccessRequest.objects.get().is_current
    response = client.post("/account/login/", {"login": "ambtenaar@example.org", "password": password})
    assert response["Location"].startswith("/account/2fa/authenticate/")
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"
    assert client.post("/account/2fa/authenticate/", {"code": code}).status_code == 302
    toolkit = ToolkitPage.objects.get(slug="aanpak-illegaal-vuurwerk")
    document = toolkit.documents.first().document
    assert client.get(toolkit.url).status_code == 200
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"VOORBEELDBESTAND" in b"".join(response.streaming_content)


def test_anonymous_visitors_get_nothing_from_the_demo_library(client, demo):
    toolkit = ToolkitPage.objects.get(slug="aanpak-illegaal-vuurwerk")
    document = toolkit.documents.first().document
    for path in ("/apothekerskast/", toolkit.url, document.url, document.file.url):
        response = client.get(path)
        assert response.status_code in (302, 404), path
        if response.status_code == 302:
            assert response["Location"].startswith("/account/login/")


def test_the_first_administrator_logs_in_through_allauth_and_must_set_up_mfa(client):
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = re.search(r"with password: (\S+)", out.getvalue()).group(1)
    response = client.post("/account/login/?next=/admin/", {"login": "admin@example.org", "password": password})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == "/account/2fa/totp/activate/"

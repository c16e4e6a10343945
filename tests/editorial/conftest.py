import pytest
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.roles import BEHEERDER, BIBLIOTHEEKBEHEER, EINDREDACTIE, REDACTEUR
from tests.admin_users import make_admin_user


@pytest.fixture
def users(db):
    """One person in each editorial role."""
    return {
        role: make_admin_user(f"{slugify(role)}@example.org", groups=[role])
        for role in (REDACTEUR, EINDREDACTIE, BIBLIOTHEEKBEHEER, BEHEERDER)
    }


@pytest.fixture
def article_form(site):
    """POST data for the news article edit form in the admin."""

    def build(title, **fields):
        return nested_form_data(
            {
                "title": title,
                "slug": slugify(title),
                "date": "2024-01-10",
                "category": site.categories["Tips"].pk,
                "summary": "Een samenvatting.",
                "lead_image_alt": "",
                "body": streamfield([]),
                "comments": inline_formset([]),
                "seo_title": "",
                "search_description": "",
                **fields,
            }
        )

    return build

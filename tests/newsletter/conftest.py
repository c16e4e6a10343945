import pytest


@pytest.fixture
def newsletter(site):
    from tests.newsletter.builders import make_newsletter_index

    return make_newsletter_index(site.home)

import pytest


@pytest.fixture
def newsletter(site, rate_limits):
    from tests.newsletter.builders import make_newsletter_index

    return make_newsletter_index(site.home)

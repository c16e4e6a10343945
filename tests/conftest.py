import pytest


@pytest.fixture
def site(db):
    """A fresh site: home page as root of the default site, a news index and the six categories."""
    from tests.builders import make_site

    return make_site()


@pytest.fixture
def rate_limits(db):
    """Rate limits live in the shared database cache; a test that uses this fixture starts with a clean count."""
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    cache.clear()

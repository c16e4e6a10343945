import pytest


@pytest.fixture
def site(db):
    """A fresh site: home page as root of the default site, a news index and the six categories."""
    from tests.builders import make_site

    return make_site()

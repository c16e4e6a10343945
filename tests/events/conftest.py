import pytest


@pytest.fixture
def agenda(site, rate_limits):
    from tests.events.builders import make_agenda

    return make_agenda(site.home)

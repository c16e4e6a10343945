import pytest


@pytest.fixture
def agenda(site):
    from tests.events.builders import make_agenda

    return make_agenda(site.home)

import pytest
from django.contrib.auth.models import Group

from editorial.roles import BIBLIOTHEEKBEHEER
from tests.apothekerskast.builders import add_totp, make_library, make_organisation, make_person, make_user
from tests.strategy.builders import make_strategy, make_theme


@pytest.fixture(autouse=True)
def _clear_rate_limits(rate_limits):
    """Every test here starts with a clean count of attempts."""


@pytest.fixture
def organisation(db):
    return make_organisation()


@pytest.fixture
def library(site):
    return make_library(site.home)


@pytest.fixture
def strategy(site):
    return make_strategy(site.home)


@pytest.fixture
def theme(strategy):
    """A theme of the strategy, for toolkits to be filed under."""
    return make_theme(strategy, title="Maatschappelijke onrust")


@pytest.fixture
def member(organisation):
    return make_person("member", organisation)


@pytest.fixture
def person(organisation):
    """Build a person in a given membership state: person("pending")."""
    return lambda state: make_person(state, organisation)


@pytest.fixture
def manager(organisation):
    """A library manager (Bibliotheekbeheer) with two-factor set up."""
    user = make_user("beheerder@utrecht.nl")
    user.groups.add(Group.objects.get(name=BIBLIOTHEEKBEHEER))
    add_totp(user)
    return user

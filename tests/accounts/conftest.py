import pytest

from tests.apothekerskast.builders import make_organisation


@pytest.fixture(autouse=True)
def _clear_rate_limits(rate_limits):
    """Every test here starts with a clean count of attempts."""


@pytest.fixture
def organisation(db):
    return make_organisation()

"""What a library manager may enter as an organisation's e-mail domain."""

import pytest
from django.core.exceptions import ValidationError

from apothekerskast.models import OrganisationDomain


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("utrecht.nl", "utrecht.nl"), (" Politie.NL ", "politie.nl"), ("amersfoort.nl.", "amersfoort.nl")],
)
def test_a_domain_is_kept_in_lower_case_without_spaces_or_final_dot(typed, kept):
    domain = OrganisationDomain(domain=typed)
    domain.clean()
    assert domain.domain == kept


@pytest.mark.parametrize("typed", ["@utrecht.nl", "utrecht", "utrecht .nl", "a..nl", "-utrecht.nl", "utrécht.nl", ""])
def test_anything_but_a_plain_domain_name_is_refused_in_dutch(typed):
    with pytest.raises(ValidationError) as refused:
        OrganisationDomain(domain=typed).clean()
    assert refused.value.message_dict == {"domain": ["Vul een domeinnaam in zoals utrecht.nl, zonder @ of spaties."]}

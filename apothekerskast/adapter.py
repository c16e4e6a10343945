from allauth.account.adapter import DefaultAccountAdapter
from django import forms

from apothekerskast.models import Organisation


class AccountAdapter(DefaultAccountAdapter):
    """Only addresses at exactly a known organisation's domain, on sign-up and when adding or changing one."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": "Te veel mislukte inlogpogingen. Probeer het over vijf minuten opnieuw.",
    }

    def clean_email(self, email):
        email = super().clean_email(email)
        if Organisation.for_email(email) is None:
            raise forms.ValidationError(
                "Met dit e-mailadres kunt u geen account aanmaken. Gebruik het werkadres van uw gemeente of "
                "organisatie; staat die er niet bij, neem dan contact op met de Veiligheidscoalitie.",
                code="organisation_domain",
            )
        return email

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, answering a known address as it answers a new one in time too.

    allauth already gives both the same page and a mail each (ACCOUNT_PREVENT_ENUMERATION), but only a new address
    costs the password hashing of a new account: some 20 times slower, and a stopwatch could tell who has an account.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])  # the work saving a new account's password does
        return super().try_save(request)

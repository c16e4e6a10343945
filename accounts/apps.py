from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Site-wide account code: allauth's adapter and sign-up form, two-factor enforcement, the account pages."""

    name = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

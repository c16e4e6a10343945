from django.apps import AppConfig


class ApothekerskastConfig(AppConfig):
    """The access-controlled toolkit library for officials, its accounts and its download audit."""

    name = "apothekerskast"
    verbose_name = "Apothekerskast"
    default_auto_field = "django.db.models.BigAutoField"

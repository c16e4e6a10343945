from django.apps import AppConfig


class ApothekerskastConfig(AppConfig):
    """The access-controlled toolkit library: organisations, access requests, documents, download audit."""

    name = "apothekerskast"
    verbose_name = "Apothekerskast"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # In ready(), as Django asks: apps.py is imported before the models these modules use are loaded.
        from apothekerskast import signals  # noqa: F401 - connects the receivers

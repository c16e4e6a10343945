from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redactie"

    def ready(self):
        # In ready(), as Django asks: apps.py is imported before the models these modules use are loaded.
        from editorial import signals  # noqa: F401 - connects the receivers

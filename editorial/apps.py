from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redactie"

    def ready(self):
        from editorial import signals  # noqa: F401

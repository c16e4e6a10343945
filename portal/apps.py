from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from portal import search_words  # noqa: F401 - connects the word list's upkeep to Wagtail's signals

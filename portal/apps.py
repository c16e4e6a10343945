from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from portal import cache, search_words  # noqa: F401 - search_words connects the word list's upkeep

        cache.connect_signals()

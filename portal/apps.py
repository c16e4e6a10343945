from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from portal import cache, checks, search_words  # noqa: F401 - checks registers, search_words connects

        cache.connect_signals()

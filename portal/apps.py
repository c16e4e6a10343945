from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        # In ready(), as Django asks: apps.py is imported before the models these modules use are loaded.
        from portal import cache, checks, search_words  # noqa: F401 - checks registers, search_words connects

        cache.connect_signals()

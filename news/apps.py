from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Nieuws"

    def ready(self):
        # In ready(), as Django asks: apps.py is imported before the models these modules use are loaded.
        from news import signals  # noqa: F401 - connects the receivers

from django.apps import AppConfig


class HomeConfig(AppConfig):
    """What composes the feature apps: the home page, the site-wide search, the demo loader and the URLs."""

    name = "home"
    verbose_name = "Homepagina"

from .images import CustomImage, CustomRendition
from .pages import LINK_FIELDS, BasePage, BodyMixin, StandardPage
from .search import PublicPageWords, SearchWord
from .settings import ContactSettings
from .users import User

__all__ = [
    "LINK_FIELDS",
    "BasePage",
    "BodyMixin",
    "ContactSettings",
    "CustomImage",
    "CustomRendition",
    "PublicPageWords",
    "SearchWord",
    "StandardPage",
    "User",
]

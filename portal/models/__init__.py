from .images import CustomImage, CustomRendition
from .pages import LINK_FIELDS, BasePage, BodyMixin, HomePage, StandardPage
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
    "HomePage",
    "PublicPageWords",
    "SearchWord",
    "StandardPage",
    "User",
]

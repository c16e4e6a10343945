from .images import CustomImage, CustomRendition
from .pages import BasePage, BodyMixin, HomePage, StandardPage
from .search import SearchWord
from .settings import ContactSettings
from .users import User

__all__ = [
    "BasePage",
    "BodyMixin",
    "ContactSettings",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "SearchWord",
    "StandardPage",
    "User",
]

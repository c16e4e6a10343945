from .images import CustomImage, CustomRendition
from .pages import BasePage, BodyMixin, HomePage, StandardPage
from .settings import ContactSettings
from .users import User

__all__ = [
    "BasePage",
    "BodyMixin",
    "ContactSettings",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "StandardPage",
    "User",
]

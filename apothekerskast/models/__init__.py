from .access import AccessRequest
from .alerts import ThemeFollow, ToolkitAlert
from .audit import DownloadEvent
from .organisations import Organisation, OrganisationDomain, OrganisationRequest
from .pages import ApothekerskastIndexPage, ToolkitAnnouncement, ToolkitDocument, ToolkitPage

__all__ = [
    "AccessRequest",
    "ApothekerskastIndexPage",
    "DownloadEvent",
    "Organisation",
    "OrganisationDomain",
    "OrganisationRequest",
    "ThemeFollow",
    "ToolkitAlert",
    "ToolkitAnnouncement",
    "ToolkitDocument",
    "ToolkitPage",
]

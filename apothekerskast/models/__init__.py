from .access import AccessRequest
from .audit import DownloadEvent
from .organisations import Organisation, OrganisationDomain
from .pages import ApothekerskastIndexPage, ToolkitAnnouncement, ToolkitDocument, ToolkitPage

__all__ = [
    "AccessRequest",
    "ApothekerskastIndexPage",
    "DownloadEvent",
    "Organisation",
    "OrganisationDomain",
    "ToolkitAnnouncement",
    "ToolkitDocument",
    "ToolkitPage",
]

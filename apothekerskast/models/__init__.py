from .access import AccessRequest
from .audit import DownloadEvent
from .organisations import Organisation, OrganisationDomain
from .pages import ApothekerskastIndexPage, ToolkitDocument, ToolkitPage

__all__ = [
    "AccessRequest",
    "ApothekerskastIndexPage",
    "DownloadEvent",
    "Organisation",
    "OrganisationDomain",
    "ToolkitDocument",
    "ToolkitPage",
]

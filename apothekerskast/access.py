"""Who may use the apothekerskast: the rule the one gate (apothekerskast/gate.py) asks at every door.

A person is a member when their e-mail address is verified, a library manager has approved their
access request and it has not expired or been revoked, and they have set up two-factor
authentication. Wagtail's view restrictions (to the members group, apothekerskast.restrictions) stay in
place as a second lock and keep library pages out of everything that lists `.public()` pages.

Library managers are the editorial role Bibliotheekbeheer (editorial/roles.py); the doors ask only for
their permissions (apothekerskast.change_accessrequest, apothekerskast.view_downloadevent).
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from wagtail.models import PageViewRestriction

from apothekerskast.models import AccessRequest, ApothekerskastIndexPage, ToolkitPage
from apothekerskast.restrictions import (  # noqa: F401 - the doors ask this module for the restrictions too
    MEMBERS_GROUP,
    is_private_document,
    library_collection,
    members_group,
    restrict,
    restrict_library_page,
)
from portal.visibility import under_restriction

LIBRARY_PATH = "/apothekerskast/"

MEMBER = "member"
ANONYMOUS = "anonymous"
UNVERIFIED = "unverified"
NO_REQUEST = "no_request"
PENDING = "pending"
REJECTED = "rejected"
EXPIRED = "expired"
REVOKED = "revoked"
NO_MFA = "no_mfa"


MFA_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def has_mfa(user):
    return Authenticator.objects.filter(user=user, type__in=MFA_TYPES).exists()


def has_admin_access(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def is_library_manager(user):
    """Bibliotheekbeheer and Beheerder: the only admin users who may see the library's pages and documents."""
    return user.is_active and user.has_perm("apothekerskast.change_accessrequest")


def has_current_access(user):
    return AccessRequest.objects.filter(user=user).current().exists()


def requires_mfa(user):
    """Members and everyone who can open the Wagtail admin must use a second factor. Current access is asked first:
    one query, where the permissions take two (shared with the admin's own checks)."""
    return user.is_authenticated and (has_current_access(user) or has_admin_access(user))


def membership_state(user):
    """Why a person may or may not open the library, checked afresh on every request (in one query)."""
    if not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    latest = AccessRequest.objects.filter(user=OuterRef("pk")).order_by("-created_at", "-pk")
    facts = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            verified=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), email__iexact=user.email, verified=True)),
            mfa=Exists(Authenticator.objects.filter(user=OuterRef("pk"), type__in=MFA_TYPES)),
            status=Subquery(latest.values("status")[:1]),
            expires_at=Subquery(latest.values("expires_at")[:1]),
        )
        .values("verified", "mfa", "status", "expires_at")
        .first()
    )
    if facts is None:
        return ANONYMOUS
    if not facts["verified"]:
        return UNVERIFIED
    if user.is_superuser:
        state = MEMBER
    elif facts["status"] is None:
        state = NO_REQUEST
    elif facts["status"] == AccessRequest.Status.APPROVED:
        expires_at = facts["expires_at"]
        state = MEMBER if expires_at and expires_at > timezone.now() else EXPIRED
    else:
        state = {
            AccessRequest.Status.PENDING: PENDING,
            AccessRequest.Status.REJECTED: REJECTED,
            AccessRequest.Status.REVOKED: REVOKED,
        }[facts["status"]]
    if state == MEMBER and not facts["mfa"]:
        return NO_MFA
    return state


def can_view_library(user):
    return membership_state(user) == MEMBER


def opens_to_members(page):
    """Whether the members group is what opens `page`: a library page, or a page that it or an ancestor restricts
    to that group. Such a page is for current members only, whatever the user's groups say.

    Only pages under a view restriction (read once per request, portal.visibility) cost a query.
    """
    if page.specific_class in (ApothekerskastIndexPage, ToolkitPage):
        return True
    if not under_restriction(page):
        return False
    restrictions = page.get_view_restrictions().filter(restriction_type=PageViewRestriction.GROUPS)
    return restrictions.filter(groups__name=MEMBERS_GROUP).exists()


def expire_memberships():
    """Take the members group away from everyone whose access has ended; returns how many lost it.

    The doors check membership_state() on every request, but the group is what Wagtail's own view restrictions ask
    for (e.g. the renditions of images in the library's collection): run daily by the scheduler, so an expired
    member keeps none of the group's rights.
    """
    group = members_group()
    ended = list(group.user_set.exclude(Exists(AccessRequest.objects.filter(user=OuterRef("pk")).current())))
    group.user_set.remove(*ended)
    return len(ended)


def member_organisation(user):
    current = AccessRequest.objects.filter(user=user).current().select_related("organisation").first()
    return current.organisation if current else None

"""Toolkit alerts: members follow strategy themes and get one e-mail, a title and a link, when a toolkit is published
under a followed theme.

Publishing writes one ToolkitAlert row per follower who is a member now (one query, whatever their number), and
nothing else: the editor's publish request does not wait for the mail. The scheduler's job send_toolkit_alerts
(editorial.scheduler, every minute) sends the unsent rows over a single mail connection and marks them sent. The
unique (toolkit, user) pair means a republication mails nobody again. Unfollowing takes one click: the mail's link
carries a signed token, no login.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apothekerskast.models import AccessRequest, ThemeFollow, ToolkitAlert, ToolkitPage

UNFOLLOW_SALT = "apothekerskast.unfollow-theme"


def unfollow_token(user_id, theme_id):
    return signing.dumps([user_id, theme_id], salt=UNFOLLOW_SALT, compress=True)


def read_unfollow_token(token):
    """(user id, theme id); raises signing.BadSignature for anything not made by unfollow_token."""
    user_id, theme_id = signing.loads(token, salt=UNFOLLOW_SALT)
    return int(user_id), int(theme_id)


def current_members():
    return AccessRequest.objects.current().filter(user__is_active=True).values("user")


def queue(toolkit):
    """The alerts for a toolkit just published: one per member following its theme who has none for it yet."""
    if not toolkit.theme_id:
        return
    followers = ThemeFollow.objects.filter(theme_id=toolkit.theme_id, user__in=current_members())
    ToolkitAlert.objects.bulk_create(
        [
            ToolkitAlert(toolkit_id=toolkit.pk, user_id=user_id)
            for user_id in followers.values_list("user_id", flat=True)
        ],
        ignore_conflicts=True,
    )


def send():
    """Send the unsent alerts of live toolkits to those still members, over one connection; returns how many.

    Rows another scheduler is sending are skipped, so nobody gets a mail twice. An alert for a toolkit unpublished
    before its mail went out waits: it goes if the toolkit comes back.
    """
    site_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with transaction.atomic():
        alerts = list(
            ToolkitAlert.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(sent_at__isnull=True, toolkit__live=True, user__in=current_members())
            .select_related("user")
            .order_by("toolkit_id", "pk")
        )
        toolkits = ToolkitPage.objects.in_bulk({alert.toolkit_id for alert in alerts})
        contexts = {pk: alert_context(toolkit, site_url) for pk, toolkit in toolkits.items()}
        get_connection().send_messages([message(alert.user, contexts[alert.toolkit_id]) for alert in alerts])
        ToolkitAlert.objects.filter(pk__in=[alert.pk for alert in alerts]).update(sent_at=timezone.now())
    return len(alerts)


def alert_context(toolkit, site_url):
    return {"toolkit": toolkit, "toolkit_url": toolkit.get_full_url(), "theme": toolkit.theme, "site_url": site_url}


def message(user, context):
    theme_id = context["toolkit"].theme_id
    unfollow_url = context["site_url"] + reverse("apothekerskast_unfollow", args=[unfollow_token(user.pk, theme_id)])
    body = render_to_string("apothekerskast/email/toolkit_alert.txt", {**context, "unfollow_url": unfollow_url})
    subject, _, body = body.strip().partition("\n")
    return EmailMessage(
        subject.strip(),
        body.strip() + "\n",
        None,
        [user.email],
        headers={"List-Unsubscribe": f"<{unfollow_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )

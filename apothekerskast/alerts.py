"""Toolkit alerts: members follow strategy themes and get one e-mail, a title and a link, when a toolkit is published
under a followed theme.

Publishing writes one ToolkitAlert row per follower who is a member now (one query, whatever their number); after the
commit the rows are sent over a single mail connection and marked sent. The unique (toolkit, user) pair means a
republication mails nobody again. Unfollowing takes one click: the mail's link carries a signed token, no login.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apothekerskast.models import AccessRequest, ThemeFollow, ToolkitAlert

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
    transaction.on_commit(lambda: send(toolkit))


def send(toolkit):
    """Send the toolkit's unsent alerts (to those still members) over one connection; rows another process is
    sending are skipped, so nobody gets a mail twice."""
    site_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {"toolkit": toolkit, "toolkit_url": toolkit.get_full_url(), "theme": toolkit.theme, "site_url": site_url}
    with transaction.atomic():
        alerts = list(
            ToolkitAlert.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(toolkit_id=toolkit.pk, sent_at__isnull=True, user__in=current_members())
            .select_related("user")
        )
        messages = [message(alert.user, context) for alert in alerts]
        get_connection().send_messages(messages)
        ToolkitAlert.objects.filter(pk__in=[alert.pk for alert in alerts]).update(sent_at=timezone.now())


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

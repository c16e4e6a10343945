"""The editors' admin: approval of a scheduled page says when it goes live; initials instead of Gravatar; an
invitation for every user created here."""

from urllib.parse import quote

from django.contrib import messages
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Page

from editorial.invitations import invite
from editorial.reports import JobRunViewSet
from editorial.templatetags.editorial_tags import moment


def scheduled_go_live(page):
    """The future go-live time of the page's draft, or None."""
    go_live_at = getattr(page, "go_live_at", None)
    return go_live_at if go_live_at and go_live_at > timezone.now() else None


@hooks.register("construct_page_action_menu")
def approval_says_when_the_page_goes_live(menu_items, request, context):
    """Wagtail labels the last task's approval "Goedkeuren en publiceren"; a page with a go-live date in the future
    is published at that time, and the button says so."""
    page = context.get("page")
    go_live_at = scheduled_go_live(page)
    state = page and page.current_workflow_state
    if not go_live_at or not state or not state.is_at_final_task:
        return
    labels = iter([label for name, label, _ in page.current_workflow_task.get_actions(page, request.user)
                   if name == "approve"])  # fmt: skip
    for item in menu_items:
        if getattr(item, "name", None) == "approve":
            item.label = f"{next(labels)} en publiceren op {moment(go_live_at)}"


@hooks.register("after_edit_page")
def approval_message_says_when_the_page_goes_live(request, page):
    """After approving a scheduled page in the editor, Wagtail says "Pagina ‘…’ is gewijzigd." as if it were live
    now: that message is replaced by one that says when it will be."""
    if request.POST.get("workflow-action-name") != "approve":
        return
    scheduled = Page.objects.get(pk=page.pk).scheduled_revision  # read again: the edit view cached it before
    if scheduled is None:
        return
    go_live_at = scheduled.approved_go_live_at
    title = page.get_admin_display_title()
    updated = conditional_escape(gettext("Page '%(page_title)s' has been updated.") % {"page_title": title})
    queued = list(messages.get_messages(request))  # taking them out; all but Wagtail's go back in
    for message in queued:
        if not str(message.message).startswith(updated):
            messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(
        request,
        f"‘{title}’ is goedgekeurd en wordt gepubliceerd op {moment(go_live_at)}.",
    )


INITIALS_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 50 50'><rect width='50' height='50' fill='#1d4f73'/>"
    "<text x='25' y='25' dy='.35em' text-anchor='middle' font-family='sans-serif' font-size='20' fill='#fff'>"
    "{}</text></svg>"
)


def initials(user):
    """Up to two capitals from the user's name, else from the part of the address before the @."""
    name = user.get_full_name().strip() or user.email.split("@")[0].replace(".", " ").replace("-", " ")
    return "".join(part[0] for part in name.split()[:2]).upper() or "?"


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """Gravatar is off (WAGTAIL_GRAVATAR_PROVIDER_URL = None: no request to another host); a user without an
    uploaded avatar gets their initials, as an inline image the admin's Content-Security-Policy allows (data:)."""
    if user is None:  # a history entry without a user (a system action): Wagtail's default avatar
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return "data:image/svg+xml," + quote(INITIALS_SVG.format(initials(user)))


@hooks.register("register_admin_viewset")
def register_job_run_report():
    return JobRunViewSet()


@hooks.register("after_create_user")
def send_invitation(request, user):
    """The new user chooses a password through the invitation (the administrator need not set one)."""
    invite(user)

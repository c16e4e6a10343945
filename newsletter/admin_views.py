"""Sending an edition from the admin: a test mail to yourself, then "Verzenden naar N abonnees" with a confirmation,
now or at a chosen time; the page shows how far sending got. Only who may send (`can_send`) reaches it."""

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput

from newsletter.models import Mailing, NewsletterEditionPage, Subscriber
from newsletter.sending import delivery_counts, send_test

SEND_PERMISSION = "newsletter.add_mailing"


def can_send(user):
    """The one gate for sending a newsletter: the Eindredactie and the Beheerder have this permission."""
    return user.has_perm(SEND_PERMISSION)


class SendForm(forms.Form):
    when = forms.ChoiceField(
        label="Wanneer",
        choices=[("now", "Nu"), ("later", "Op een gekozen tijdstip")],
        initial="now",
        widget=forms.RadioSelect,
    )
    send_at = forms.DateTimeField(label="Tijdstip", required=False, widget=AdminDateTimeInput)

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            send_at = data.get("send_at")
            if send_at is None:
                self.add_error("send_at", "Kies het tijdstip waarop de nieuwsbrief verzonden moet worden.")
            elif send_at <= timezone.now():
                self.add_error("send_at", "Kies een tijdstip in de toekomst, of kies ‘Nu’.")
        return data

    def send_time(self):
        return self.cleaned_data["send_at"] if self.cleaned_data["when"] == "later" else timezone.now()


class SendEditionView(WagtailAdminTemplateMixin, View):
    template_name = "newsletter/admin/send.html"
    page_title = "Nieuwsbrief verzenden"
    header_icon = "mail"

    def dispatch(self, request, pk):
        if not can_send(request.user):
            # A 403, not Wagtail's redirect to the dashboard (which it makes of PermissionDenied in admin views).
            return HttpResponseForbidden("U mag geen nieuwsbrief verzenden.")
        self.edition = get_object_or_404(NewsletterEditionPage, pk=pk)
        self.mailing = Mailing.objects.filter(edition=self.edition).first()
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.edition.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_pages:edit", args=[self.edition.pk]), "label": self.edition.title},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition,
            mailing=self.mailing,
            counts=delivery_counts(self.edition) if self.mailing else None,
            waiting_for_time=self.mailing is not None and self.mailing.send_at > timezone.now(),
            subscriber_count=Subscriber.objects.confirmed().count(),
            **kwargs,
        )

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=SendForm()))

    def post(self, request, pk):
        action = request.POST.get("action")
        if action == "test":
            send_test(self.edition, request.user.email)
            messages.success(request, f"Testmail van ‘{self.edition.title}’ verzonden naar {request.user.email}.")
            return redirect("newsletter_send", self.edition.pk)
        if self.mailing is not None:
            messages.error(request, "Deze editie is al verzonden of ingepland; een tweede verzending is niet mogelijk.")
            return redirect("newsletter_send", self.edition.pk)
        if not self.edition.live:
            messages.error(request, "Publiceer de editie voordat u haar verzendt.")
            return redirect("newsletter_send", self.edition.pk)
        form = SendForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if action != "confirm":  # the first step: say what will happen and ask to confirm
            return self.render_to_response(self.get_context_data(form=form, confirm=True, send_at=form.send_time()))
        try:
            with transaction.atomic():
                mailing = Mailing.objects.create(
                    edition=self.edition,
                    requested_by=request.user,
                    send_at=form.send_time(),
                    subscriber_count=Subscriber.objects.confirmed().count(),
                )
        except IntegrityError:  # a second confirmation at the same moment
            messages.error(request, "Deze editie is al verzonden of ingepland; een tweede verzending is niet mogelijk.")
            return redirect("newsletter_send", self.edition.pk)
        messages.success(
            request,
            f"‘{self.edition.title}’ gaat naar {mailing.subscriber_count} abonnees; "
            "de verzending loopt op de achtergrond. Hieronder ziet u de voortgang.",
        )
        return redirect("newsletter_send", self.edition.pk)

"""Sign up (double opt-in), confirm and unsubscribe. Responses never reveal whether an address is subscribed.

Sign-ups are rate-limited per client and per address (portal.ratelimits): nobody floods a mailbox with confirmations.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter import tokens
from newsletter.forms import SubscribeForm
from newsletter.models import NewsletterIndexPage, Subscriber
from portal.ratelimits import allow, status


def subscribe(index, request):
    """The editions and the sign-up form; a valid sign-up stores the consent and mails a confirmation link."""
    form = SubscribeForm(request.POST or None)
    email = form.cleaned_data["email"].strip().lower() if form.is_valid() else None
    if request.method == "POST" and email and allow(request, form, action="newsletter_signup", key=email):
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        if subscriber.status != Subscriber.Status.CONFIRMED:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.signed_up_at = timezone.now()
            subscriber.consent_source = f"aanmeldformulier {index.get_url(request)}"
            subscriber.save()
            send_confirmation(request, subscriber)
        return redirect(index.get_url(request) + "?aangemeld=1")
    response = index.render(
        request,
        context_overrides={"form": form, "editions": index.editions(), "signed_up": request.GET.get("aangemeld")},
    )
    if form.errors:
        response.status_code = status(form, 400)
    return response


def send_confirmation(request, subscriber):
    link = request.build_absolute_uri(reverse("newsletter_confirm", args=[tokens.confirm_token(subscriber)]))
    hours = tokens.confirm_max_age() // 3600
    body = render_to_string("newsletter/email/confirm.txt", {"link": link, "hours": hours})
    EmailMessage(
        "Bevestig uw aanmelding voor de nieuwsbrief", body, settings.DEFAULT_FROM_EMAIL, [subscriber.email]
    ).send()


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that follow links do not confirm on someone's behalf."""
    try:
        subscriber_id, email = tokens.read_confirm_token(token)
    except signing.SignatureExpired:
        return render(request, "newsletter/confirm.html", {"state": "expired", **_index(request)}, status=410)
    except signing.BadSignature:
        return render(request, "newsletter/confirm.html", {"state": "invalid", **_index(request)}, status=400)
    subscriber = Subscriber.objects.filter(pk=subscriber_id, email=email).first()
    if subscriber is None:
        return render(request, "newsletter/confirm.html", {"state": "invalid", **_index(request)}, status=400)
    if request.method == "POST" and subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.consent_at = timezone.now()
        subscriber.consent_source = f"{subscriber.consent_source}; bevestigd via de link in de e-mail".lstrip("; ")
        subscriber.unsubscribed_at = None
        subscriber.save()
    state = "confirmed" if subscriber.status == Subscriber.Status.CONFIRMED else "ask"
    return render(request, "newsletter/confirm.html", {"state": state, **_index(request)})


@csrf_exempt  # the signed token is the credential; mail clients' one-click POST (RFC 8058) carries no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for confirmation; POST (the button, or the mail client's one-click) unsubscribes at once."""
    try:
        subscriber = Subscriber.objects.filter(pk=tokens.read_unsubscribe_token(token)).first()
    except signing.BadSignature:
        subscriber = None
    if subscriber is None:
        return render(request, "newsletter/unsubscribe.html", {"state": "invalid", **_index(request)}, status=400)
    if request.method == "POST":
        if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["status", "unsubscribed_at"])
        return render(request, "newsletter/unsubscribe.html", {"state": "done", **_index(request)})
    return render(request, "newsletter/unsubscribe.html", {"state": "ask", "token": token, **_index(request)})


def _index(request):
    return {"newsletter_index": NewsletterIndexPage.objects.live().first()}

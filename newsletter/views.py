"""Confirm and unsubscribe; the sign-up (double opt-in) is the newsletter page's own (NewsletterIndexPage.index).
Responses never reveal whether an address is subscribed."""

from django.core import signing
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter import tokens
from newsletter.models import NewsletterIndexPage, Subscriber


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

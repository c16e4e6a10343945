"""The newsletter: editions (a date, an intro and an ordered choice of news items and events), subscribers who
signed up with double opt-in, and one delivery record per edition and subscriber so sending never repeats."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import EventPage
from news.models import NewsArticlePage
from newsletter import tokens
from newsletter.forms import SubscribeForm
from portal import cache
from portal.models import BasePage
from portal.ratelimits import allow, status
from portal.visibility import visible_to_everyone

INTRO_FEATURES = ["bold", "italic", "link"]


class NewsletterIndexPage(RoutablePageMixin, BasePage):
    """/nieuwsbrief/: the editions, newest first, with the sign-up form (confirm and unsubscribe: newsletter.urls)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterEditionPage"]
    max_count = 1

    class Meta:
        verbose_name = "nieuwsbriefoverzicht"
        verbose_name_plural = "nieuwsbriefoverzichten"

    def editions(self):
        return visible_to_everyone(NewsletterEditionPage.objects.child_of(self).live()).order_by("-date", "-pk")

    @path("")
    def index(self, request):
        """The editions and the sign-up form; a valid sign-up stores the consent and mails a confirmation link.

        Sign-ups are rate-limited per client and per address (portal.ratelimits): nobody floods a mailbox with
        confirmations. The answer never reveals whether an address is subscribed already.
        """
        cache.add_keys(request, cache.children_key(self.path))
        form = SubscribeForm(request.POST or None)
        email = form.cleaned_data["email"].strip().lower() if form.is_valid() else None
        if request.method == "POST" and email and allow(request, form, action="newsletter_signup", key=email):
            subscriber, _ = Subscriber.objects.get_or_create(email=email)
            if subscriber.status != Subscriber.Status.CONFIRMED:
                subscriber.status = Subscriber.Status.PENDING
                subscriber.signed_up_at = timezone.now()
                subscriber.consent_source = f"aanmeldformulier {self.get_url(request)}"
                subscriber.save()
                subscriber.send_confirmation(request)
            return redirect(self.get_url(request) + "?aangemeld=1")
        response = self.render(
            request,
            context_overrides={"form": form, "editions": self.editions(), "signed_up": request.GET.get("aangemeld")},
        )
        if form.errors:
            response.status_code = status(form, 400)
        return response


class NewsletterEditionPage(BasePage):
    """One edition: shown on the site and sent by e-mail (from the admin, or `manage.py send_newsletter`)."""

    date = models.DateField("datum", default=datetime.date.today)
    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        InlinePanel("items", heading="Berichten en evenementen", label="onderdeel"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.FilterField("date")]

    class Meta:
        verbose_name = "nieuwsbriefeditie"
        verbose_name_plural = "nieuwsbriefedities"

    def entries(self):
        """The chosen news items and events in the editor's order: live, public and specific, in two queries."""
        if "items" in getattr(self, "_cluster_related_objects", {}):
            # Unsaved choices (a preview, or an edition built in memory): their order is at hand.
            positions = {item.page_id: item.sort_order or 0 for item in self.items.all()}
            chosen = Q(pk__in=list(positions))
            position = None
        else:
            positions = None
            chosen = Q(pk__in=NewsletterItem.objects.filter(edition=self).values("page_id"))
            position = Subquery(
                NewsletterItem.objects.filter(edition=self, page_id=OuterRef("pk")).values("sort_order")[:1]
            )
        entries = []
        for queryset in (NewsArticlePage.objects.select_related("category"), EventPage.objects.all()):
            queryset = visible_to_everyone(queryset.filter(chosen).live())
            if position is not None:
                queryset = queryset.annotate(position=position)
            entries.extend(queryset)
        if positions is not None:
            for entry in entries:
                entry.position = positions[entry.pk]
        return sorted(entries, key=lambda entry: (entry.position, entry.pk))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries()
        return context


class NewsletterItem(Orderable):
    edition = ParentalKey(NewsletterEditionPage, verbose_name="editie", on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="bericht of evenement", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type=["news.NewsArticlePage", "events.EventPage"])]

    class Meta(Orderable.Meta):
        verbose_name = "onderdeel"
        verbose_name_plural = "onderdelen"
        constraints = [models.UniqueConstraint(fields=["edition", "page"], name="newsletter_item_unique_page")]


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """Someone who signed up; they receive editions only after confirming, and their consent is recorded."""

    class Status(models.TextChoices):
        PENDING = "pending", "wacht op bevestiging"
        CONFIRMED = "confirmed", "bevestigd"
        UNSUBSCRIBED = "unsubscribed", "afgemeld"

    email = models.EmailField("e-mailadres", unique=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    signed_up_at = models.DateTimeField("aangemeld op", default=timezone.now)
    consent_at = models.DateTimeField("toestemming gegeven op", null=True, blank=True)
    consent_source = models.CharField(
        "bron van de toestemming", max_length=255, blank=True, help_text="Waar en hoe de toestemming is gegeven."
    )
    unsubscribed_at = models.DateTimeField("afgemeld op", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonnee"
        verbose_name_plural = "abonnees"
        ordering = ["email"]

    def __str__(self):
        return self.email

    def send_confirmation(self, request):
        link = request.build_absolute_uri(reverse("newsletter_confirm", args=[tokens.confirm_token(self)]))
        hours = tokens.confirm_max_age() // 3600
        body = render_to_string("newsletter/email/confirm.txt", {"link": link, "hours": hours})
        EmailMessage(
            "Bevestig uw aanmelding voor de nieuwsbrief", body, settings.DEFAULT_FROM_EMAIL, [self.email]
        ).send()


class MailingQuerySet(models.QuerySet):
    def due(self):
        """Unfinished mailings whose time has come, of editions that are live (a later one waits for its edition)."""
        return self.filter(finished_at__isnull=True, send_at__lte=timezone.now(), edition__live=True).order_by(
            "send_at", "pk"
        )


class Mailing(models.Model):
    """The order to send an edition to every confirmed subscriber, given once in the admin ("Verzenden naar N
    abonnees"); the scheduler carries it out (`run_scheduler`, through `send_newsletter --due`)."""

    edition = models.OneToOneField(
        NewsletterEditionPage, verbose_name="editie", on_delete=models.CASCADE, related_name="mailing"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="opdracht van", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField("opdracht gegeven op", default=timezone.now)
    send_at = models.DateTimeField("verzenden vanaf", default=timezone.now)
    subscriber_count = models.PositiveIntegerField("abonnees bij de opdracht")
    started_at = models.DateTimeField("begonnen op", null=True, blank=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)

    objects = MailingQuerySet.as_manager()

    class Meta:
        verbose_name = "verzendopdracht"
        verbose_name_plural = "verzendopdrachten"

    def __str__(self):
        return str(self.edition)


class Delivery(models.Model):
    """That an edition went (or is going) to a subscriber: claimed before sending, so no one gets it twice."""

    edition = models.ForeignKey(
        NewsletterEditionPage, verbose_name="editie", on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, verbose_name="abonnee", on_delete=models.CASCADE, related_name="deliveries"
    )
    claimed_at = models.DateTimeField("geclaimd op", default=timezone.now)
    sent_at = models.DateTimeField("verzonden op", null=True, blank=True)
    failed_at = models.DateTimeField("mislukt op", null=True, blank=True)
    error = models.CharField("foutmelding", max_length=255, blank=True)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="newsletter_delivery_once_per_subscriber")
        ]
        indexes = [models.Index(fields=["edition", "sent_at"])]

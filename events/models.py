"""The agenda: events with local dates and times, "save the date" announcements and simple registration.

An event's date and (optional) times are stored as the organiser gives them: a date and a wall-clock time in
Europe/Amsterdam. The aware start and end are derived with zoneinfo, so daylight-saving time is always right
for the event's own date. An event without a time is honest about it: it is an all-day event (optionally with a
part of the day, such as "ochtend") and downloads as an all-day DATE event in iCalendar.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from events.forms import RegistrationForm, register
from events.ical import calendar_response
from events.registrations import EventRegistration  # noqa: F401 - Django finds the model through this module
from portal import cache
from portal.models import BasePage, BodyMixin
from portal.visibility import visible_to_everyone

EVENT_TIMEZONE = ZoneInfo(settings.TIME_ZONE)


RECENT_PAST_EVENTS = 3
UPCOMING_ORDER = ("start_date", models.F("start_time").asc(nulls_first=True), "pk")


def local_today():
    return timezone.localdate(timezone=EVENT_TIMEZONE)


def end_of_day(day):
    """Midnight at the end of `day`, local time: when an event of that day turns past."""
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=EVENT_TIMEZONE)


class EventQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public events with the date each ends on (its start date when it has no end date)."""
        return visible_to_everyone(self.live()).annotate(last_date=Coalesce("end_date", "start_date"))

    def past(self, today=None):
        """Events that have ended, most recent first."""
        today = today or local_today()
        return (
            self.for_listing()
            .filter(last_date__lt=today)
            .order_by("-start_date", models.F("start_time").desc(nulls_last=True), "-pk")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(RoutablePageMixin, BasePage):
    """/agenda/: upcoming events soonest first, past events in /agenda/archief/, the whole agenda as iCalendar."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "agenda"
        verbose_name_plural = "agenda's"

    def events(self):
        return EventPage.objects.child_of(self)

    @path("")
    def upcoming(self, request):
        """Upcoming events, and the latest few past ones so the agenda is never a blank page (one query)."""
        cache.add_keys(request, cache.children_key(self.path))
        cache.cache_briefly(request)  # what is upcoming changes with the date, without a publish
        today = local_today()
        recent = self.events().past(today).values("pk")[:RECENT_PAST_EVENTS]
        events = list(
            self.events()
            .for_listing()
            .filter(Q(last_date__gte=today) | Q(pk__in=Subquery(recent)))
            .order_by(*UPCOMING_ORDER)
        )
        return self.render(
            request,
            context_overrides={
                "events": [event for event in events if event.last_date >= today],
                "recent_events": [event for event in reversed(events) if event.last_date < today],
                "archive": False,
            },
        )

    @path("archief/")
    def archive(self, request):
        cache.add_keys(request, cache.children_key(self.path))
        cache.cache_until(request, end_of_day(local_today()))  # events of today turn past at midnight
        return self.render(request, context_overrides={"events": self.events().past(), "archive": True})

    @path("ics/")
    def ical_feed(self, request):
        """The subscribable agenda: every live, public event."""
        cache.add_keys(request, cache.children_key(self.path))
        events = self.events().for_listing().order_by("start_date", "start_time", "pk")
        return calendar_response(request, events, name=self.title, filename="agenda.ics", attachment=False)


class DayPart(models.TextChoices):
    MORNING = "ochtend", "ochtend"
    AFTERNOON = "middag", "middag"
    EVENING = "avond", "avond"


class EventPage(RoutablePageMixin, BodyMixin, BasePage):
    """One event: when, where, by whom, for whom, and how to register (a link, a form here, or not yet)."""

    class LocationKind(models.TextChoices):
        UNKNOWN = "", "nog niet bekend"
        ADDRESS = "address", "op locatie"
        ONLINE = "online", "online"

    save_the_date = models.BooleanField(
        "save the date",
        default=False,
        help_text="Aankondiging waarvan de details nog volgen; aanmelden is dan nog niet mogelijk.",
    )
    start_date = models.DateField("datum")
    start_time = models.TimeField("begintijd", null=True, blank=True, help_text="Leeg als de tijd nog niet bekend is.")
    end_date = models.DateField("einddatum", null=True, blank=True, help_text="Alleen voor meerdaagse evenementen.")
    end_time = models.TimeField("eindtijd", null=True, blank=True)
    day_part = models.CharField(
        "dagdeel",
        max_length=10,
        choices=DayPart.choices,
        blank=True,
        help_text="Als alleen het dagdeel bekend is (bijvoorbeeld ‘ochtend’) en nog geen tijden.",
    )
    location_kind = models.CharField(
        "soort locatie", max_length=10, choices=LocationKind.choices, blank=True, default=LocationKind.UNKNOWN
    )
    location_name = models.CharField("naam locatie", max_length=255, blank=True)
    location_address = models.TextField("adres", blank=True)
    online_url = models.URLField("link naar online bijeenkomst", blank=True)
    organiser = models.CharField("organisatie", max_length=255, blank=True)
    audience = models.CharField("doelgroep", max_length=255, blank=True)
    registration_url = models.URLField(
        "link naar aanmelding elders",
        blank=True,
        help_text="Laat leeg om het aanmeldformulier op deze site te gebruiken.",
    )
    registration_form = models.BooleanField("aanmelden via deze site", default=False)
    capacity = models.PositiveIntegerField(
        "maximum aantal deelnemers", null=True, blank=True, help_text="Leeg: geen maximum."
    )
    registration_closes = models.DateTimeField("aanmelden kan tot", null=True, blank=True)
    report = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name="terugblik",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Het nieuwsbericht dat op dit evenement terugblikt; de pagina linkt ernaar.",
    )

    objects = EventManager()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("save_the_date"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("day_part"),
            ],
            heading="Wanneer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_kind"),
                FieldPanel("location_name"),
                FieldPanel("location_address"),
                FieldPanel("online_url"),
            ],
            heading="Waar",
        ),
        FieldPanel("organiser"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_form"),
                FieldPanel("capacity"),
                FieldPanel("registration_closes"),
            ],
            heading="Aanmelden",
        ),
        FieldPanel("report"),
        *BodyMixin.body_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.body_search_fields,
        index.SearchField("organiser"),
        index.SearchField("location_name"),
        index.FilterField("start_date"),
    ]

    class Meta:
        verbose_name = "evenement"
        verbose_name_plural = "evenementen"

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "De einddatum ligt vóór de begindatum."
        if self.end_time and not self.start_time:
            errors["end_time"] = "Geef ook een begintijd op."
        if self.start_time and self.day_part:
            errors["day_part"] = "Een dagdeel is alleen nodig als de tijden nog niet bekend zijn."
        if self.start_time and self.end_time and self.end < self.start:
            errors["end_time"] = "De eindtijd ligt vóór de begintijd."
        if self.registration_url and self.registration_form:
            errors["registration_form"] = "Kies óf een link naar aanmelding elders, óf het formulier op deze site."
        if self.location_kind == self.LocationKind.ONLINE and not self.online_url and not self.save_the_date:
            errors["online_url"] = "Geef de link naar de online bijeenkomst."
        if errors:
            raise ValidationError(errors)

    # When

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def start(self):
        """The aware start in Europe/Amsterdam, or None for an event without a time."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.start_date, self.start_time, tzinfo=EVENT_TIMEZONE)

    @property
    def end(self):
        """The aware end in Europe/Amsterdam, or None when no end time is known."""
        if self.start_time is None or self.end_time is None:
            return None
        return datetime.datetime.combine(self.last_day, self.end_time, tzinfo=EVENT_TIMEZONE)

    @property
    def when(self):
        """The date and time as a visitor reads them, e.g. "donderdag 1 februari 2024, 09:30–12:00 uur"."""
        text = date_format(self.start_date, "l j F Y")
        if self.end_date and self.end_date != self.start_date:
            text = f"{text} t/m {date_format(self.end_date, 'l j F Y')}"
        if self.start_time:
            times = time_format(self.start_time, "H:i")
            if self.end_time:
                times = f"{times}–{time_format(self.end_time, 'H:i')}"
            return f"{text}, {times} uur"
        if self.day_part:
            return f"{text}, {self.get_day_part_display()}"
        return text

    @property
    def is_past(self):
        return self.last_day < local_today()

    @property
    def is_announcement(self):
        """A "save the date" whose day is still to come; once it has passed, it is simply a past event."""
        return self.save_the_date and not self.is_past

    @cached_property
    def published_report(self):
        """The linked report if readers can see it (live and public), else None."""
        if self.report_id is None:
            return None
        return visible_to_everyone(Page.objects.live().filter(pk=self.report_id)).specific().first()

    # Registration

    @cached_property
    def registration_count(self):
        return self.registrations.count()

    @property
    def registration_state(self):
        """One of: "none" (no registration), "link" (elsewhere), "closed", "full" or "open" (the form)."""
        if self.save_the_date or self.is_past or not (self.registration_url or self.registration_form):
            return "none"
        if self.registration_url:
            return "link"
        if self.registration_closes and timezone.now() >= self.registration_closes:
            return "closed"
        if self.capacity is not None and self.registration_count >= self.capacity:
            return "full"
        return "open"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", RegistrationForm())
        return context

    @path("")
    def event(self, request):
        if request.method == "POST":
            return register(self, request)
        if self.registration_state == "open":
            cache.cache_briefly(request)  # the closing time passes without a publish
        if not self.is_past:
            cache.cache_until(request, end_of_day(self.last_day))  # from then on it reads as past
        return self.render(request, context_overrides={"registered": request.GET.get("aangemeld") == "1"})

    @path("ics/")
    def ical(self, request):
        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics", attachment=True)

import datetime
import itertools

from django.utils import timezone

from newsletter.models import NewsletterEditionPage, NewsletterIndexPage, NewsletterItem, Subscriber

_counter = itertools.count(1)


def make_newsletter_index(home):
    return home.add_child(instance=NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief", show_in_menus=True))


def make_edition(index, pages=(), *, title=None, date=None, live=True):
    number = next(_counter)
    edition = NewsletterEditionPage(
        title=title or f"Nieuwsbrief {number}",
        slug=f"editie-{number}",
        date=date or datetime.date(2023, 12, 20),
        intro="<p>Welkom bij deze editie.</p>",
        live=live,
    )
    edition.items = [NewsletterItem(page=page, sort_order=n) for n, page in enumerate(pages)]
    index.add_child(instance=edition)
    revision = edition.save_revision()
    if live:
        revision.publish()
    return edition


def make_subscribers(count, status=Subscriber.Status.CONFIRMED, prefix="abonnee"):
    return [
        Subscriber.objects.create(
            email=f"{prefix}{next(_counter)}@example.org",
            status=status,
            consent_at=timezone.now() if status == Subscriber.Status.CONFIRMED else None,
            consent_source="test",
        )
        for _ in range(count)
    ]

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import NewsletterEditionPage
from newsletter.sending import run_due_mailings, send_edition, unconfirmed_count


class Command(BaseCommand):
    help = (
        "Sends a newsletter edition to every confirmed subscriber who has not had it, in batches, with progress. "
        "Safe to run again or to resume after an interruption: nobody gets the edition twice. "
        "With --due instead of an edition: carries out the mailings ordered in the admin whose time has come."
    )

    def add_arguments(self, parser):
        parser.add_argument("edition", nargs="?", help="The edition's page id or slug.")
        parser.add_argument("--due", action="store_true", help="Send the mailings ordered in the admin that are due.")
        parser.add_argument("--batch-size", type=int, default=100, help="Mails per SMTP connection (default 100).")
        parser.add_argument("--limit", type=int, help="Send at most this many mails in this run (default: all).")

    def handle(self, *args, edition, due, batch_size, limit, **options):
        if due == bool(edition):
            raise CommandError("Name an edition, or give --due.")

        def progress(sent, total):
            share = f" ({100 * sent // total}%)" if total else ""
            self.stdout.write(f"  {sent}/{total} verzonden{share}")

        if due:
            sent_now = run_due_mailings(batch_size=batch_size, limit=limit, progress=progress)
            if sent_now:
                self.stdout.write(self.style.SUCCESS(f"Nieuwsbrief: {sent_now} nieuw verzonden."))
            return

        lookup = {"pk": int(edition)} if edition.isdigit() else {"slug": edition}
        page = NewsletterEditionPage.objects.filter(**lookup).first()
        if page is None:
            raise CommandError(f"No newsletter edition {edition!r}.")
        if not page.live:
            raise CommandError(f"“{page.title}” is not published; publish it before sending.")

        self.stdout.write(f"Verzenden: {page.title}")
        sent_now = send_edition(page, batch_size=batch_size, limit=limit, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Klaar: {sent_now} nieuw verzonden."))
        uncertain = unconfirmed_count(page)
        if uncertain:
            self.stdout.write(
                self.style.WARNING(
                    f"{uncertain} verzending(en) zonder bevestiging (een eerdere run is hard afgebroken); "
                    "die worden niet opnieuw verstuurd."
                )
            )

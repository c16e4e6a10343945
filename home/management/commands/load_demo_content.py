from django.core.management.base import BaseCommand
from django.db import transaction

from apothekerskast.demo import load_library, load_organisations
from editorial.demo import assign_workflow
from events.demo import load_events
from home.demo import load_site
from news.demo import load_news
from newsletter.demo import load_newsletter
from strategy.demo import load_strategy
from strategy.models import ThemePage


class Command(BaseCommand):
    help = "Builds the demo site from the fixtures derived from the user's seed documents. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        home = load_site()
        strategy = load_strategy(home)
        # The news and the toolkits name the strategy's themes.
        themes = {theme.slug: theme for theme in ThemePage.objects.all()}
        index = load_news(home, themes)
        load_organisations()
        library = load_library(home, themes)
        agenda = load_events(home)
        newsletter = load_newsletter(home, index)
        moderated = assign_workflow(home)  # after every section exists
        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded: {index.get_children().live().count()} news articles.")
        )
        self.stdout.write(
            f"Apothekerskast: {library.get_children().live().count()} toolkits. Create a demo official with "
            "`manage.py create_demo_official` (an approved member of the demo organisation, with a TOTP secret)."
        )
        self.stdout.write(f"Agenda: {agenda.get_children().live().count()} events.")
        self.stdout.write(f"Nieuwsbrief: {newsletter.get_children().live().count()} editions.")
        self.stdout.write(f"Workflow Redactie → Eindredactie on: {', '.join(page.title for page in moderated)}.")
        self.stdout.write(f"Veiligheidsstrategie: {strategy.get_children().live().count()} chapters and themes.")

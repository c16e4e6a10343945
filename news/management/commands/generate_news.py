"""Synthetic news for load tests: `manage.py generate_news --count 10000` under the existing news index.

Wagtail pages are treebeard materialised-path nodes with multi-table inheritance, and saving them one by one
(add_child, revisions, signals, search index) takes tens of milliseconds each. This command writes the rows in
bulk instead: the wagtailcore_page rows with their computed path, depth and url_path, then the
news_newsarticlepage rows, the parent's numchild, and the search index entries. The result is a valid tree
(`manage.py fixtree` finds nothing to fix) of live, public pages without revisions, like pages imported
from elsewhere. The tree paths and the multi-table INSERT use treebeard's and Django's internals, fenced in
portal.wagtail_internals.

Every generated title starts with GENERATED_PREFIX, so the data is never mistaken for real news.
"""

import datetime
import random
import sys
import time
import uuid
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils.text import slugify
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField
from tqdm import tqdm
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.models import NewsArchiveMonth, NewsArticlePage, NewsCategory, NewsIndexPage
from portal import wagtail_internals
from portal.models import PublicPageWords, SearchWord
from portal.search_words import refresh_search_words

GENERATED_PREFIX = "[Gegenereerd]"
BATCH_SIZE = 1000

SUBJECTS = [
    "Gemeente Utrecht",
    "Gemeente Amersfoort",
    "Politie Midden-Nederland",
    "Het RIEC",
    "Buurtpreventie Zeist",
    "Veiligheidsregio Utrecht",
    "Jongerenwerkers in Nieuwegein",
    "Ondernemers in Veenendaal",
    "Het Openbaar Ministerie",
    "Woningcorporaties in de regio",
    "Gemeente De Bilt",
    "Wijkagenten in Houten",
]
ACTIONS = [
    "start campagne tegen",
    "presenteert nieuwe cijfers over",
    "zet extra in op",
    "zoekt vrijwilligers voor de aanpak van",
    "organiseert bijeenkomst over",
    "deelt tips over",
    "onderzoekt de gevolgen van",
    "werkt samen aan minder",
]
TOPICS = [
    "woninginbraak",
    "fietsdiefstal",
    "ondermijning",
    "cybercriminaliteit",
    "zakkenrollen",
    "jeugdcriminaliteit",
    "drugshandel",
    "overlast in de wijk",
    "online oplichting",
    "geweld tegen hulpverleners",
    "veiligheid in het uitgaansgebied",
    "mensenhandel",
]
SENTENCES = [
    "De veiligheid in de wijk staat voorop, aldus de betrokken partners.",
    "Inwoners kunnen signalen melden bij de gemeente of anoniem via Meld Misdaad Anoniem.",
    "De aanpak is een initiatief van de Veiligheidscoalitie Midden-Nederland.",
    "In de komende maanden volgen meer bijeenkomsten voor professionals en bewoners.",
    "Uit de cijfers blijkt dat preventie loont: waar buren elkaar kennen, daalt het aantal incidenten.",
    "Partners uit zorg, onderwijs en veiligheid wisselen hun kennis en ervaringen uit.",
    "De campagne is gericht op jongeren, ouders en ondernemers in de regio.",
    "Dit bericht is automatisch gegenereerd voor tests en bevat geen echte gebeurtenissen.",
]


def generated_text(rng):
    """A title, a summary, body paragraphs (StreamField data) and the body's text as the search index sees it."""
    subject, action, topic = rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(TOPICS)
    title = f"{GENERATED_PREFIX} {subject} {action} {topic}"
    summary = f"{subject} {action} {topic}. " + " ".join(rng.sample(SENTENCES, 2))
    paragraphs = rng.sample(SENTENCES, 3)
    body = [
        {"type": "paragraph", "value": f"<p>{sentence}</p>", "id": str(uuid.UUID(int=rng.getrandbits(128)))}
        for sentence in paragraphs
    ]
    # What StreamField.get_searchable_content gives for these paragraphs, joined as the indexer joins lists.
    return title, summary, body, ", ".join(paragraphs)


class BulkIndexer(ObjectIndexer):
    """The PostgreSQL backend's own field extraction, with the generated body text known beforehand.

    The backend turns every value into a Django SearchVector expression and compiles it row by row, and parses
    the rich text of each body again; for thousands of rows that costs more than the inserts themselves. This
    indexer yields the same (text, weight) pairs and renders them as plain SQL with parameters.
    tests/news/test_generate_news.py holds the resulting index entries to the backend's own.
    """

    def prepare_field(self, obj, field):
        if isinstance(field, SearchField) and field.field_name == "body" and hasattr(obj, "generated_body_text"):
            yield field, get_weight(field.boost), obj.generated_body_text
        else:
            yield from super().prepare_field(obj, field)

    def texts(self):
        title, autocomplete, body = [], [], []
        for field in self.search_fields:
            for current_field, weight, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, AutocompleteField):
                    autocomplete.append((value.strip(), weight))
                elif isinstance(current_field, SearchField):
                    (title if current_field.field_name == "title" else body).append((value.strip(), weight))
        return title, autocomplete, body

    @staticmethod
    def vector_sql(texts, config, params):
        """The SQL of the backend's as_vector(): the weighted vectors of the non-empty texts, concatenated."""
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            params.append("")
            return "to_tsvector(%s)"
        parts = []
        for text, weight in texts:
            if config:
                params.extend((config, text, weight))
                parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
            else:
                params.extend((text, weight))
                parts.append("setweight(to_tsvector(%s), %s)")
        return " || ".join(parts)

    def row_sql(self, content_type_pk, params):
        title, autocomplete, body = self.texts()
        params.extend((content_type_pk, self.id))
        vectors = [
            self.vector_sql(title, self.config, params),
            self.vector_sql(autocomplete, self.autocomplete_config, params),
            self.vector_sql(body, self.config, params),
        ]
        params.extend((" ".join(text for text, _ in title if text), " ".join(text for text, _ in body if text)))
        return f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, %s, %s)"


class Command(BaseCommand):
    help = (
        "Adds COUNT synthetic, clearly marked news articles (live, random categories and dates) under the "
        "news index, with bulk inserts. For load tests; run load_demo_content first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000, help="How many articles to add (default 1000).")
        parser.add_argument("--years", type=int, default=5, help="Spread the dates over this many years.")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for a repeatable set.")
        parser.add_argument("--no-progress", action="store_true", help="Print no progress bar.")

    def handle(self, *args, count, years, seed, no_progress, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if years < 1:
            raise CommandError("--years must be at least 1.")
        started = time.perf_counter()
        progress = tqdm(total=count, unit="articles", file=sys.stderr, disable=no_progress)
        rng = random.Random(seed)  # noqa: S311 - synthetic content, not secrets
        with transaction.atomic():
            index = self.lock_news_index()
            categories = list(NewsCategory.objects.all())
            if not categories:
                raise CommandError("There are no news categories. Run `manage.py load_demo_content` first.")
            with progress:
                created = self.create_articles(index, categories, count, years, rng, progress)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {created} news articles under {index.url_path} in {elapsed:.1f} s "
                f"({created / elapsed:,.0f} per second)."
            )
        )

    @staticmethod
    def lock_news_index():
        index = NewsIndexPage.objects.select_for_update().first()
        if index is None:
            raise CommandError("There is no news index page. Run `manage.py load_demo_content` first.")
        return index

    def create_articles(self, index, categories, count, years, rng, progress):
        content_type = ContentType.objects.get_for_model(NewsArticlePage)
        search_backend = get_search_backend()
        search_index = search_backend.get_index_for_model(NewsArticlePage)
        depth = index.depth + 1

        last_child = index.get_last_child()
        next_step = wagtail_internals.child_number(last_child) + 1 if last_child else 1
        if next_step + count > len(Page.alphabet) ** Page.steplen:
            raise CommandError("The news index has no room for that many more children.")

        today = datetime.date.today()
        first_day = today - datetime.timedelta(days=365 * years)
        span = (today - first_day).days

        done = 0
        while done < count:
            articles = []
            for _ in range(min(BATCH_SIZE, count - done)):
                step = next_step
                next_step += 1
                title, summary, body, body_text = generated_text(rng)
                date = first_day + datetime.timedelta(days=rng.randint(0, span))
                published = datetime.datetime.combine(date, datetime.time(rng.randint(7, 18), rng.randint(0, 59)), UTC)
                slug = f"{slugify(title)[:60].strip('-')}-{step}"
                article = NewsArticlePage(
                    path=wagtail_internals.child_path(index, step),
                    depth=depth,
                    numchild=0,
                    translation_key=uuid.UUID(int=rng.getrandbits(128)),
                    locale_id=index.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{index.url_path}{slug}/",
                    show_in_menus=False,
                    date=date,
                    category=rng.choice(categories),
                    summary=summary,
                    body=body,
                )
                article.generated_body_text = body_text
                articles.append(article)
            wagtail_internals.insert_pages(NewsArticlePage, articles)
            if isinstance(search_index, PostgresIndex):
                self.index_in_bulk(search_index, articles, content_type.pk)
            else:
                search_backend.add_bulk(NewsArticlePage, articles)
            # Inserted without Wagtail's signals: their words join the search's word list here.
            refresh_search_words([article.pk for article in articles])
            done += len(articles)
            progress.update(len(articles))

        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + done)
        self.analyze(Page, NewsArticlePage, IndexEntry, SearchWord, PublicPageWords)
        NewsArchiveMonth.refresh(index)  # bulk inserts send no page_published
        self.analyze(NewsArchiveMonth)
        return done

    @staticmethod
    def analyze(*models):
        """The planner's statistics of the tables filled, gathered now rather than by autovacuum a minute or more
        later: until then PostgreSQL plans for their old sizes (an empty table read in a nested loop, once per row of
        another), and the listings and the search take seconds."""
        tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tables}")

    @staticmethod
    def index_in_bulk(search_index, articles, content_type_pk):
        """The index entries PostgresIndex.add_items() would write, in one INSERT with plain SQL vectors.

        add_items() then sets title_norm (the average title length over the length of this title) with an
        UPDATE of the new rows; here it is computed in the same INSERT, so every row is written only once.
        """
        backend = search_index.backend
        params = []
        rows = [BulkIndexer(article, backend).row_sql(content_type_pk, params) for article in articles]
        table = IndexEntry._meta.db_table
        with search_index.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                WITH new_entries (content_type_id, object_id, title, autocomplete, body, title_text, body_text)
                    AS (VALUES {", ".join(rows)}),
                average AS (
                    SELECT AVG(title_length) AS title_length FROM (
                        SELECT length(title) AS title_length FROM {table} WHERE length(title) > 0
                        UNION ALL
                        SELECT length(title) FROM new_entries WHERE length(title) > 0
                    ) AS lengths
                )
                INSERT INTO {table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                SELECT content_type_id, object_id, title, autocomplete, body,
                       CASE WHEN length(title) > 0 THEN (SELECT title_length FROM average) / length(title) ELSE 1.0 END,
                       title_text, body_text
                FROM new_entries
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = EXCLUDED.title_norm,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 - the table name is the model's; every value is a parameter
                params,
            )

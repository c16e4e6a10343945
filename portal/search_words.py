"""The word list behind the search's corrections (portal.models.SearchWord): the words of the live pages everyone may
see, kept in step by Wagtail's signals; and the search vectors of those pages, all the site search reads. On
PostgreSQL only.

Each public page's words and search vectors are recorded (PublicPageWords), and each word counts the public pages
that have it. A page that changes or leaves the public site (unpublished, made private, moved into a private section,
deleted) takes back what it gave, and a word leaves the list with the last public page that had it; the pages of one
deletion all at once (portal.deletions). A page's words are those of its entry in Wagtail's search index (the text the
search matches), split by the SQL function portal_search_words (migration 0005): Wagtail writes that entry when the
page is saved, before page_published is sent.
"""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import deletions
from portal.visibility import forget_restricted_paths, visible_to_everyone

# Every change to the list waits for the one before it (pg_advisory_xact_lock), so two pages leaving at once cannot
# each leave a shared word behind for the other; the key is arbitrary.
LOCK = 5_870_001

# Take back the words the pages gave; the words no public page has any more.
TAKE_BACK = """
WITH taken AS (DELETE FROM portal_publicpagewords WHERE page_id = ANY(%s) RETURNING words),
counted AS (
    SELECT word, count(*) AS pages FROM taken, unnest(string_to_array(taken.words, ' ')) AS word GROUP BY word
),
lowered AS (
    UPDATE portal_searchword AS known SET pages = known.pages - counted.pages FROM counted
    WHERE known.word = counted.word RETURNING known.word, known.pages
)
SELECT word FROM lowered WHERE pages = 0
"""

# Record the words and the search vectors of the pages from their search index entries, and count the words.
GIVE = """
WITH given AS (
    INSERT INTO portal_publicpagewords (page_id, words, document, title)
    SELECT page.id,
           array_to_string(ARRAY(SELECT portal_search_words(concat_ws(' ', entry.title_text, entry.body_text))), ' '),
           entry.title || entry.body,
           entry.title
    FROM wagtailcore_page AS page
    JOIN wagtailsearch_indexentry AS entry
        ON entry.content_type_id = page.content_type_id AND entry.object_id = page.id::text
    WHERE page.id = ANY(%s)
    RETURNING words
)
INSERT INTO portal_searchword (word, pages)
SELECT word, count(*) FROM given, unnest(string_to_array(given.words, ' ')) AS word GROUP BY word ORDER BY word
ON CONFLICT (word) DO UPDATE SET pages = portal_searchword.pages + EXCLUDED.pages
"""


def public_page_ids(ids):
    """Of the pages with these ids, those the word list takes words from: live, and visible to everyone."""
    forget_restricted_paths()  # a restriction or move earlier in this request changes what is hidden
    return list(visible_to_everyone(Page.objects.live().filter(pk__in=ids)).values_list("pk", flat=True))


def refresh_search_words(ids):
    """Bring the word list in step with the pages with these ids (deleted ones too) and the aliases of those pages: a
    public page gives its words, every other takes back what it gave."""
    if connection.vendor != "postgresql" or not ids:
        return
    ids = [*ids, *Page.objects.filter(alias_of__in=ids).values_list("pk", flat=True)]
    public = public_page_ids(ids)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute(TAKE_BACK, [ids])
        emptied = [word for (word,) in cursor.fetchall()]
        cursor.execute(GIVE, [public])
        cursor.execute("DELETE FROM portal_searchword WHERE word = ANY(%s) AND pages = 0", [emptied])


def rebuild_search_words():
    """The word list made anew from every live, public page."""
    if connection.vendor != "postgresql":
        return
    public = public_page_ids(Page.objects.values("pk"))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute("DELETE FROM portal_publicpagewords")
        cursor.execute("DELETE FROM portal_searchword")
        cursor.execute(GIVE, [public])


def refresh_subtree(page):
    """The word list in step with `page` and every page below it."""
    refresh_search_words(list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)))


@receiver([page_published, page_unpublished])
def _page_published_or_unpublished(instance, signal, **kwargs):
    if signal is page_unpublished and deletions.still_live(instance):
        return  # unpublished only on its way out: the deletion takes its words back
    refresh_search_words([instance.pk])


@receiver(post_page_move)
def _page_moved(instance, **kwargs):
    refresh_subtree(Page.objects.get(pk=instance.pk))  # read again: the path after the move


@receiver([post_save, post_delete], sender=PageViewRestriction)
def _privacy_changed(instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_subtree(page)


# A deleted page of any type is also deleted as a Page; the words of a whole deletion are taken back at once.
@receiver(pre_delete, sender=Page)
def _gather_deleted_page(instance, origin, **kwargs):
    deletions.gather(origin, "public words", instance.pk)


@receiver(post_delete, sender=Page)
def _page_deleted(origin, **kwargs):
    deleted = deletions.take(origin, "public words")
    if deleted:
        refresh_search_words(list(deleted))

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchWord(models.Model):
    """A word on the live pages everyone may see: what the search compares a word that finds nothing with.

    portal.search_words keeps the list in step with publishing, unpublishing, privacy, moves and deletions. Words of
    drafts, of pages behind a view restriction (the apothekerskast among them) and of documents never enter it: a
    correction must not tell a visitor that a hidden word exists. On PostgreSQL only.
    """

    word = models.CharField(max_length=100, primary_key=True)
    pages = models.PositiveIntegerField(
        "pagina's", default=0, help_text="Op hoeveel openbare pagina's het woord staat."
    )

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"

    def __str__(self):
        return self.word


class PublicPageWords(models.Model):
    """The words one live, public page gave the word list (separated by spaces), to take back when the page changes
    or leaves, and the page's search document: what the site search (portal.search) matches and ranks. A row per
    page everyone may see, so the search reads no other page.

    The page is referred to by its id alone: a page's deletion takes the words back (portal.search_words), which a
    foreign key would stop while the page's view restriction is deleted before it.
    """

    page_id = models.PositiveIntegerField(primary_key=True)
    words = models.TextField()
    # The weighted text vectors of the page's entry in Wagtail's search index (Dutch stemming): title and body, and
    # the title alone, whose matches the search ranks first.
    document = SearchVectorField(null=True)
    title = SearchVectorField(null=True)

    class Meta:
        verbose_name = "woorden van een openbare pagina"
        verbose_name_plural = "woorden van openbare pagina's"

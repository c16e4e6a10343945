from django.db import models


class SearchWord(models.Model):
    """A word that occurs in the search index: what the search compares a word that finds nothing with.

    On PostgreSQL a trigger on Wagtail's index table (migration 0005) adds the words of every page it indexes, in
    the same transaction. Words stay when their pages change or go, so the list may hold words no page has any
    more. It is never shown: portal.views.closest_words only picks words to search for, and the search shows only
    pages everyone may see.
    """

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"

    def __str__(self):
        return self.word

from collections import namedtuple
from datetime import date
from itertools import zip_longest

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models, transaction
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from news.feeds import NewsFeed
from portal import cache
from portal.models import LINK_FIELDS, BasePage, BodyMixin
from portal.visibility import visible_to_everyone

ARTICLES_PER_PAGE = 10

# The listings' filters in the sidebar: a link to a category or to a month of the archive, and a year of the
# archive, which links its archive and, for the year open, lists its months.
FilterLink = namedtuple("FilterLink", ["url", "name", "current"])
ArchiveYear = namedtuple("ArchiveYear", ["url", "year", "current", "months"])
# What an article in a listing (components/news_item.html) and in the feed shows.
LISTING_FIELDS = (*LINK_FIELDS, "date", "summary", "category__name", "category__slug")


class NewsCategory(models.Model):
    """One of the labels news items carry, such as Campagnes or Tips."""

    name = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField(unique=True, help_text="Het adres van het categorie-overzicht: /nieuws/categorie/<slug>/.")

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = "nieuwscategorie"
        verbose_name_plural = "nieuwscategorieën"
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsArticleQuerySet(PageQuerySet):
    def visible(self):
        """Live articles everyone may see."""
        return visible_to_everyone(self.live())

    def with_listing_fields(self):
        """Only what a listing item or a feed item shows (LISTING_FIELDS), the category in the same query."""
        return self.select_related("category").only(*LISTING_FIELDS)

    def for_listing(self):
        """Live, public articles, newest first, with what a listing item shows in the same query."""
        return self.visible().with_listing_fields().order_by("-date", "-pk")

    def newest(self, start, stop):
        """Articles start to stop of this listing, newest first, in one query that sorts only their dates and ids.

        Slicing the listing itself makes PostgreSQL sort whole rows, summaries and bodies included, of every
        article to find a few (on disk, beyond a few thousand articles); here it sorts (date, id) pairs in a
        subquery and then reads just the rows it found.
        """
        found = self.order_by("-date", "-pk").values("pk")[start:stop]
        return (
            NewsArticlePage.objects.filter(pk__in=models.Subquery(found)).with_listing_fields().order_by("-date", "-pk")
        )


class ArticlePaginator(Paginator):
    """Pages of a listing, each read with NewsArticleQuerySet.newest(), counted from the archive summary.

    `months` holds (first day of the month, articles listed) pairs, newest first (NewsArchiveMonth). A deep page
    starts in an old month: the articles of the newer months are skipped by date instead of by OFFSET, which would
    step over every one of them. A page far into its month skips that month's newer days by date too, from their
    counts (`days_of(month)`: (day, articles listed) pairs, newest first); the offset left is at most a day of
    articles.
    """

    # How far into its month a page starts before its newer days are skipped by date: a query more, worth it
    # only when the offset would step over many articles.
    SKIP_DAYS_FROM = 100

    def __init__(self, object_list, per_page, months, days_of):
        super().__init__(object_list, per_page)
        self.months = months
        self.days_of = days_of
        self.count = sum(listed for _, listed in months)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        before, skipped = self.start_of(bottom)
        articles = self.object_list if before is None else self.object_list.filter(date__lt=before)
        return self._get_page(articles.newest(bottom - skipped, top - skipped), number, self)

    def start_of(self, bottom):
        """The date before which the page's first article lies (None: the newest), and how many articles of the
        listing come after that date."""
        skipped = 0
        for month, listed in self.months:
            if skipped + listed > bottom:
                if bottom - skipped >= self.SKIP_DAYS_FROM:
                    before, in_month = next_month(month), skipped
                    for day, articles in self.days_of(month):
                        if in_month + articles > bottom:
                            return before, in_month
                        before, in_month = day, in_month + articles
                # Near the month's start, or the days counted differently a moment later: skip by month.
                return next_month(month), skipped
            skipped += listed
        return None, 0


def next_month(month):
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


class NewsArchiveMonth(models.Model):
    """How many live, public articles of a category a news index has in a month: what the archive links and the
    page counts of the listings are made of, kept in step by refresh() (news/signals.py) instead of counting every
    article on each request."""

    index = models.ForeignKey("news.NewsIndexPage", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    category = models.ForeignKey(NewsCategory, on_delete=models.CASCADE, related_name="+")
    articles = models.PositiveIntegerField()
    # The same articles by day: days[0] dated on the 1st, up to the last day with any (ArticlePaginator skips by it).
    days = models.JSONField(default=list)

    class Meta:
        verbose_name = "archiefmaand"
        verbose_name_plural = "archiefmaanden"
        constraints = [models.UniqueConstraint(fields=["index", "month", "category"], name="news_archive_month_unique")]

    @classmethod
    def refresh(cls, index, months=None):
        """Count the articles of `index` again after a change to any of them: all of them, or only those dated in
        `months` (first days of months), the only counts a published or unpublished article can change.

        The row lock on the index makes concurrent refreshes wait for each other: each counts what the others
        have committed, so the last one leaves the right numbers.
        """
        with transaction.atomic():
            Page.objects.select_for_update().filter(pk=index.pk).values_list("pk").first()
            rows, articles = cls.objects.filter(index=index), NewsArticlePage.objects.child_of(index).visible()
            if months is not None:
                dated = Q()
                for month in months:
                    dated |= Q(date__gte=month, date__lt=next_month(month))
                rows, articles = rows.filter(month__in=months), articles.filter(dated)
            rows.delete()
            counted = {}
            for row in articles.order_by().values("date", "category").annotate(articles=Count("pk")):
                day, key = row["date"], (row["date"].replace(day=1), row["category"])
                summary = counted.get(key)
                if summary is None:
                    summary = counted[key] = cls(index_id=index.pk, month=key[0], category_id=key[1], articles=0)
                summary.articles += row["articles"]
                summary.days += [0] * (day.day - len(summary.days))
                summary.days[day.day - 1] += row["articles"]
            cls.objects.bulk_create(counted.values())

    @classmethod
    def refresh_all(cls):
        for news_index in NewsIndexPage.objects.all():
            cls.refresh(news_index)


NewsArticleManager = PageManager.from_queryset(NewsArticleQuerySet)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """/nieuws/: every article, newest first, filtered by category or archived by year and month."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = "nieuwsoverzicht"
        verbose_name_plural = "nieuwsoverzichten"

    def articles(self):
        return NewsArticlePage.objects.child_of(self).for_listing()

    def paginate(self, request, articles, months, counted):
        """The requested page of articles; a page number that is not one of them is a 404."""
        number = request.GET.get("page", "1")
        if not number.isascii() or not number.isdigit() or len(number) > 6:
            raise Http404("Ongeldig paginanummer")
        paginator = ArticlePaginator(
            articles, ARTICLES_PER_PAGE, months, lambda month: self.archive_days(month, counted)
        )
        try:
            return paginator.page(number)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("Deze pagina bestaat niet") from error

    def archive(self, counted=None):
        """From the archive summary, in one query of a row per month: the months that have articles, newest first,
        and the (month, articles) pairs of the listing whose summary rows `counted` (a Q) selects (all without)."""
        rows = (
            NewsArchiveMonth.objects.filter(index=self)
            .values("month")
            .annotate(listed=Sum("articles", filter=counted, default=0))
            .order_by("-month")
            .values_list("month", "listed")
        )
        months, listed = [], []
        for month, articles in rows:
            months.append(month)
            if articles:
                listed.append((month, articles))
        return months, listed

    def archive_days(self, month, counted=None):
        """From the archive summary, the (day, articles) pairs of `month` for the listing whose summary rows `counted`
        (a Q) selects (all without), newest first, days without articles left out."""
        rows = NewsArchiveMonth.objects.filter(index=self, month=month)
        days = (rows if counted is None else rows.filter(counted)).values_list("days", flat=True)
        totals = [sum(counts) for counts in zip_longest(*days, fillvalue=0)]
        return [(month.replace(day=day), articles) for day, articles in enumerate(totals, 1) if articles][::-1]

    @staticmethod
    def category_links(base, categories, current=None):
        """The category filter's links, as FilterLink, the category shown marked current. Built as strings, as the
        archive's links are (archive_links), from `base`: this page's URL."""
        return [FilterLink(f"{base}categorie/{item.slug}/", item.name, item == current) for item in categories]

    @staticmethod
    def archive_links(base, months, year=None, current=None):
        """The archive's years with news, newest first, as ArchiveYear: the URL of the year_archive route, the year,
        and whether it is the year shown (a year archive). The year shown (or holding the month `current` shown; the
        newest year on other listings) lists its months with news, newest first, as FilterLink.

        Years rather than every month: after a few years of news the list of months ran to dozens of links, each
        one a tab stop before the articles. Built as strings from `base`, this page's URL, rather than with
        {% routablepageurl %} and |date in the template, where each lookup in the loop costs.
        """
        open_year = year or (months[0].year if months else None)
        years = []
        for month in months:
            if not years or years[-1].year != month.year:
                shown = month.year == year and current is None
                years.append(ArchiveYear(f"{base}{month.year}/", month.year, shown, []))
            if month.year == open_year:
                url = f"{base}{month.year}/{month.month}/"
                years[-1].months.append(FilterLink(url, MONTHS[month.month], month == current))
        return years

    def render_listing(self, request, listed=None, counted=None, categories=None, **context):
        """The listing of the articles the filter `listed` selects (all of them without one); `counted` (a Q on
        NewsArchiveMonth) selects the same articles' rows of the archive summary. `categories`: every category,
        when the view has read them already."""
        cache.add_keys(request, cache.children_key(self.path), cache.model_key(NewsCategory))
        base, category = self.get_url(request), context.get("category")
        months, listed_months = self.archive(counted)
        articles = self.articles() if listed is None else self.articles().filter(listed)
        listing = self.paginate(request, articles, listed_months, counted)
        return self.render(
            request,
            context_overrides={
                "articles": listing,
                "page_range": listing.paginator.get_elided_page_range(listing.number, on_each_side=2, on_ends=1),
                "listing_url": base,
                "category_links": self.category_links(
                    base, NewsCategory.objects.all() if categories is None else categories, category
                ),
                "archive_years": self.archive_links(base, months, context.get("year"), context.get("archive_date")),
                "feed_url": f"{base}feed/",
                "category_feed_url": f"{base}categorie/{category.slug}/feed/" if category else None,
                # What the template asks of every listing: unset, each lookup would raise and log inside the template.
                "category": None,
                "year": None,
                "month": None,
                **context,
            },
        )

    @path("")
    def index(self, request):
        return self.render_listing(request)

    @path("categorie/<slug:slug>/")
    def category(self, request, slug):
        categories = list(NewsCategory.objects.all())  # the filter's links too
        category = self.get_category(slug, categories)
        return self.render_listing(
            request, Q(category=category), Q(category=category), categories=categories, category=category
        )

    @path("<int:year>/")
    def year_archive(self, request, year):
        self.check_archive_date(year)
        return self.render_listing(request, Q(date__year=year), Q(month__year=year), year=year)

    @path("<int:year>/<int:month>/")
    def month_archive(self, request, year, month):
        archive_date = self.check_archive_date(year, month)
        return self.render_listing(
            request,
            Q(date__year=year, date__month=month),
            Q(month=archive_date),
            year=year,
            month=month,
            archive_date=archive_date,
        )

    @staticmethod
    def check_archive_date(year, month=1):
        """The first day of an archive period; a year or month that cannot be a date is a 404."""
        try:
            return date(year, month, 1)
        except (ValueError, OverflowError) as error:  # OverflowError: more digits than a C long holds
            raise Http404("Onbekende periode") from error

    @path("feed/")
    def feed(self, request):
        cache.add_keys(request, cache.children_key(self.path))
        return NewsFeed(self)(request)

    @path("categorie/<slug:slug>/feed/")
    def category_feed(self, request, slug):
        category = self.get_category(slug, NewsCategory.objects.all())
        cache.add_keys(request, cache.children_key(self.path))
        cache.add_objects(request, category)
        return NewsFeed(self, category)(request)

    @staticmethod
    def get_category(slug, categories):
        """The one of `categories` with this slug; none is a 404."""
        category = next((category for category in categories if category.slug == slug), None)
        if category is None:
            raise Http404("Onbekende categorie")
        return category


class NewsArticlePage(BodyMixin, BasePage):
    """A news item: a dated, categorised article with a summary and an optional lead image."""

    date = models.DateField(
        "publicatiedatum", default=date.today, help_text="Bepaalt de volgorde in het nieuwsoverzicht."
    )
    category = models.ForeignKey(
        NewsCategory, verbose_name="categorie", on_delete=models.PROTECT, related_name="articles"
    )
    lead_image = models.ForeignKey(
        "portal.CustomImage",
        verbose_name="hoofdafbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        "alt-tekst van de hoofdafbeelding",
        max_length=255,
        blank=True,
        help_text="Beschrijf wat de afbeelding in dit artikel laat zien. Leeg laten als de afbeelding alleen sier is.",
    )
    theme = models.ForeignKey(
        "strategy.ThemePage",
        verbose_name="thema",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
        help_text="Het thema van de veiligheidsstrategie waar dit bericht over gaat; het staat dan op de themapagina.",
    )

    objects = NewsArticleManager()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("lead_image_alt"),
        *BodyMixin.body_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.body_search_fields,
        index.RelatedFields("category", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "nieuwsartikel"
        verbose_name_plural = "nieuwsartikelen"
        ordering = ["-date"]
        # Listings read the newest first ("-date", "-pk"): with this index PostgreSQL stops after one page.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_article_date_idx")]

    def related_surrogate_keys(self):
        """A published or withdrawn article also changes its theme's page, which lists the theme's news."""
        return [cache.linked_key(self.theme_id)] if self.theme_id else []

    # Previews on social media and in search engines (see portal's social_meta tag and the JSON-LD below).
    social_type = "article"

    @property
    def social_image(self):
        return self.lead_image

    def structured_data(self, social_image_url, logo_url):
        """schema.org NewsArticle for search engines: headline, dates, image and publisher."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or self.date).isoformat(),
            "publisher": {
                "@type": "Organization",
                "name": "Veiligheidscoalitie Midden-Nederland",
                "logo": {"@type": "ImageObject", "url": logo_url},
            },
        }
        if social_image_url:
            data["image"] = [social_image_url]
        return data

    @cached_property
    def related_articles(self):
        """The latest other articles in the same category."""
        return (
            NewsArticlePage.objects.sibling_of(self, inclusive=False)
            .for_listing()
            .filter(category_id=self.category_id)
            .newest(0, 3)
        )

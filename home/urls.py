"""The site's URLs: every app's, composed."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from apothekerskast.urls import document_urlpatterns
from home.views import search
from portal import views
from portal.sitemaps import SITEMAPS, sitemap_index, sitemap_section

urlpatterns = [
    # The admin has no login of its own: allauth's, with two-factor and rate limits.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("account/", include("accounts.urls")),
    path("account/apothekerskast/", include("apothekerskast.urls")),
    path("account/", include("allauth.urls")),
    path("documenten/", include(document_urlpatterns)),
    path("nieuwsbrief/", include("newsletter.urls")),
    path("zoeken/", search, name="search"),
    # Renditions of images in a private collection, behind their collection's restrictions (portal.models.images).
    path("afbeeldingen/<int:rendition_id>/<str:filename>", views.private_rendition, name="private_rendition"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # Wagtail's sitemap views hand the request to the sitemap, so page URLs reuse the request's site root paths.
    # /sitemap.xml is the index; it names each numbered section of /sitemap-pages.xml (?p=2 and on).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
]

if settings.SERVE_IMAGE_RENDITIONS:
    # Only the public renditions under media/images/; documents and original images are never served here.
    urlpatterns.append(
        re_path(r"^media/(?P<path>images/[^/]+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    )

urlpatterns.append(path("", include(wagtail_urls)))

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

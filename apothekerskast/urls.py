from django.urls import path
from django.views.generic import TemplateView

from apothekerskast import views

urlpatterns = [
    # How to get access, step by step: readable before logging in.
    path(
        "", TemplateView.as_view(template_name="apothekerskast/access_steps.html"), name="apothekerskast_access_steps"
    ),
    path("toegang/", views.request_access, name="apothekerskast_request_access"),
    path("themas/", views.follow_themes, name="apothekerskast_follow_themes"),
    path("themas/niet-meer-volgen/<str:token>/", views.unfollow_theme, name="apothekerskast_unfollow"),
    path("organisatie-niet-gevonden/", views.request_organisation, name="apothekerskast_organisation_request"),
]

# The one document URL, under the name of Wagtail's own (Document.url), which home/urls.py does not route: every
# download passes the gate (apothekerskast/gate.py).
document_urlpatterns = [
    path("<int:document_id>/<path:document_filename>", views.serve_document, name="wagtaildocs_serve"),
]

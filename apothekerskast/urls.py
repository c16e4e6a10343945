from django.urls import path

from apothekerskast import views

urlpatterns = [
    path("toegang/", views.request_access, name="apothekerskast_request_access"),
]

# The one document URL, under the name of Wagtail's own (Document.url), which portal/urls.py does not route: every
# download passes the gate (apothekerskast/gate.py).
document_urlpatterns = [
    path("<int:document_id>/<path:document_filename>", views.serve_document, name="wagtaildocs_serve"),
]

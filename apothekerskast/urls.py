from django.urls import path

from apothekerskast import views

urlpatterns = [
    path("toegang/", views.request_access, name="apothekerskast_request_access"),
]

# Same shape as Wagtail's own document URL, placed before it in home/urls.py so every download passes here.
document_urlpatterns = [
    path("<int:document_id>/<path:document_filename>", views.serve_document, name="apothekerskast_serve_document"),
]

from django.urls import path

from accounts import views

# Mounted at /account/, before allauth's own pages.
urlpatterns = [
    path("", views.overview, name="account_overview"),
]

from django.urls import path

from newsletter import views

urlpatterns = [
    path("bevestigen/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("afmelden/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]

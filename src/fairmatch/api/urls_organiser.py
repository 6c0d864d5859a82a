from django.urls import path

from fairmatch.api.views import pages

app_name = "webhooks"
urlpatterns = [
    path("", pages.webhook_list, name="list"),
    path("<int:pk>/delete/", pages.webhook_delete, name="delete"),
    path("deliveries/<int:pk>/replay/", pages.webhook_replay, name="replay"),
]

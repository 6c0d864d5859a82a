from django.urls import path

from fairmatch.outcomes.views import organiser

app_name = "outcomes_admin"
urlpatterns = [
    path("", organiser.overview, name="overview"),
    path("ceremony/", organiser.ceremony, name="ceremony"),
    path("follow-up/", organiser.start_follow_up, name="start_follow_up"),
]

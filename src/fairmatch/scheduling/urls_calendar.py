from django.urls import path

from fairmatch.scheduling.views import agenda

app_name = "calendar"
urlpatterns = [path("<str:token>.ics", agenda.calendar_feed, name="feed")]

from django.urls import path

from fairmatch.reports.views.overview import freeze, overview

app_name = "reports"
urlpatterns = [
    path("", overview, name="overview"),
    path("press-snapshots/", freeze, name="freeze"),
]

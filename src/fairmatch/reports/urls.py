from django.urls import path

from fairmatch.reports.views.overview import overview

app_name = "reports"
urlpatterns = [path("", overview, name="overview")]

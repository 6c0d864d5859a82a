from django.urls import path

from fairmatch.reports.views import press

app_name = "press"
urlpatterns = [
    path("", press.page, name="page"),
    path("fact-sheet/<int:pk>.pdf", press.fact_sheet, name="fact_sheet"),
]

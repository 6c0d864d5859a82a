from django.urls import path

from fairmatch.onsite.views import leads, meetings

app_name = "onsite"
urlpatterns = [
    path("day/", meetings.my_day, name="my_day"),
    path("day/<int:pk>/mark/", meetings.participant_mark, name="mark"),
    path("leads/", leads.leads, name="leads"),
    path("leads/<int:pk>/", leads.edit_lead, name="edit_lead"),
    path("leads/export.csv", leads.export_leads, {"fmt": "csv"}, name="export_csv"),
    path("leads/export.xlsx", leads.export_leads, {"fmt": "xlsx"}, name="export_xlsx"),
]

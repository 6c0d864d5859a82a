from django.urls import path

from fairmatch.outcomes.views import participant

app_name = "outcomes"
urlpatterns = [
    path("intentions/", participant.mine, name="mine"),
    path("intentions/record/", participant.record, name="record"),
    path("intentions/<int:pk>/document/", participant.document, name="document"),
    path("intentions/<int:pk>/<str:action>/", participant.answer, name="answer"),
]

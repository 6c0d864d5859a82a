from django.urls import path

from fairmatch.matching.views import participant

app_name = "matching"
urlpatterns = [
    path("directory/", participant.directory, name="directory"),
    path("directory/<int:pk>/", participant.counterpart, name="counterpart"),
    path("meetings/", participant.inbox, name="inbox"),
    path("meetings/<int:pk>/<str:action>/", participant.answer, name="answer"),
]

from django.urls import path

from fairmatch.outcomes.views.follow_up import answer

app_name = "follow_up"
urlpatterns = [path("<str:token>/", answer, name="answer")]

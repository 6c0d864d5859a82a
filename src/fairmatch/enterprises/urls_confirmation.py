from django.urls import path

from fairmatch.enterprises.views.confirmation import answer

app_name = "confirmation"
urlpatterns = [path("<str:token>/", answer, name="answer")]

from django.urls import path

from fairmatch.exhibition.views import directory

app_name = "exhibitors"
urlpatterns = [
    path("", directory.directory, name="directory"),
]

from django.urls import path

from fairmatch.matching.views import organiser

app_name = "matching_admin"
urlpatterns = [
    path("", organiser.overview, name="overview"),
    path("arrange/", organiser.arrange, name="arrange"),
    path("wishes/", organiser.wishes, name="wishes"),
    path("suggestions/", organiser.suggestions, name="suggestions"),
    path("recommendations/", organiser.recommendations, name="recommendations"),
]

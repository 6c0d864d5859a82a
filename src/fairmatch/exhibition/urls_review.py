"""The organiser's exhibitor actions beside the review queue, under
/organiser/<edition>/applications/exhibition/."""

from django.urls import path

from fairmatch.exhibition.views import review

app_name = "exhibition_review"
urlpatterns = [
    path("<int:pk>/sponsor-tier/", review.sponsor_tier, name="sponsor_tier"),
]

from django.urls import path

from fairmatch.enterprises.views import review

app_name = "review"
urlpatterns = [
    path("", review.queue, name="queue"),
    path("bulk/", review.bulk, name="bulk"),
    path("<int:pk>/", review.detail, name="detail"),
    path("<int:pk>/decide/", review.decide, name="decide"),
    path(
        "<int:pk>/request-confirmation/",
        review.confirmation_request,
        name="request_confirmation",
    ),
]

"""The REST API (/api/v1/) and the account's token pages (/accounts/api-tokens/)."""

from django.urls import path

from fairmatch.api.views import pages

app_name = "api_pages"
urlpatterns = [
    path("accounts/api-tokens/", pages.token_list, name="tokens"),
    path("accounts/api-tokens/<int:pk>/revoke/", pages.token_revoke, name="revoke"),
]

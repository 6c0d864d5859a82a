"""Fairmatch's own account pages, beside allauth's (login, sign-up, e-mail, password,
two-factor) which are mounted under the same /accounts/ prefix."""

from django.urls import path

from fairmatch.accounts.views.welcome import welcome

app_name = "accounts"
urlpatterns = [
    path("welcome/", welcome, name="welcome"),
]

from django.contrib.auth.views import LogoutView
from django.urls import path

from fairmatch.accounts.views.auth import EmailLoginView, signup

app_name = "accounts"
urlpatterns = [
    path("login/", EmailLoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("signup/", signup, name="signup"),
]

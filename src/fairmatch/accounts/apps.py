from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fairmatch.accounts"
    label = "accounts"

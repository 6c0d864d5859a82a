from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "fairmatch.enterprises"
    label = "enterprises"

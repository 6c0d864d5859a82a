from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "fairmatch.web"
    label = "web"

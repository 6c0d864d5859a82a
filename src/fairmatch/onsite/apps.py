from django.apps import AppConfig


class OnsiteConfig(AppConfig):
    name = "fairmatch.onsite"
    label = "onsite"

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "fairmatch.demo"
    label = "demo"

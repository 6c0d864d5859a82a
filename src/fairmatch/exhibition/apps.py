from django.apps import AppConfig


class ExhibitionConfig(AppConfig):
    name = "fairmatch.exhibition"
    label = "exhibition"

from django.apps import AppConfig


class ConferenceConfig(AppConfig):
    name = "fairmatch.conference"
    label = "conference"

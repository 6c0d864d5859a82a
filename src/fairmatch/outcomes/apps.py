from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "fairmatch.outcomes"
    label = "outcomes"

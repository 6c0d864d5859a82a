from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "fairmatch.scheduling"
    label = "scheduling"

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fairmatch.core"
    label = "core"
    verbose_name = "Fairmatch core"

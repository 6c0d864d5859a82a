from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fairmatch.core"
    label = "core"
    verbose_name = "Fairmatch core"

    def ready(self) -> None:
        from fairmatch.core import checks  # noqa: F401  (registers the system checks)

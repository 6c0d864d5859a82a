from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fairmatch.core"
    label = "core"
    verbose_name = "Fairmatch core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from fairmatch.core import checks  # noqa: F401  (registers the system checks)
        from fairmatch.core.domain.sqlite_wal import keep_log_open

        connection_created.connect(keep_log_open, dispatch_uid="fairmatch.sqlite_wal")

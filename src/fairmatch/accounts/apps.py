from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fairmatch.accounts"
    label = "accounts"

    def ready(self) -> None:
        from fairmatch.accounts import signals  # noqa: F401  (connects the receivers)

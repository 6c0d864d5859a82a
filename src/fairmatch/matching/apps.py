from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "fairmatch.matching"
    label = "matching"

    def ready(self) -> None:
        from fairmatch.matching.domain.notifications import on_request_changed
        from fairmatch.matching.domain.requests import request_changed

        request_changed.connect(on_request_changed, dispatch_uid="matching.request_mail")

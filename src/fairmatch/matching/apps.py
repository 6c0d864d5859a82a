from typing import Any

from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "fairmatch.matching"
    label = "matching"

    def ready(self) -> None:
        from fairmatch.enterprises.domain.applications import descriptions_saved
        from fairmatch.matching.domain.notifications import on_request_changed
        from fairmatch.matching.domain.requests import request_changed

        request_changed.connect(on_request_changed, dispatch_uid="matching.request_mail")
        descriptions_saved.connect(_on_descriptions_saved, dispatch_uid="matching.embeddings")


def _on_descriptions_saved(sender: object, **kwargs: Any) -> None:
    from fairmatch.matching.domain.embeddings import schedule_embeddings

    schedule_embeddings(
        participations=kwargs.get("participations", ()), enterprises=kwargs.get("enterprises", ())
    )

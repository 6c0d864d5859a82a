"""Model rows to the API's output schemas (plain dicts, validated by ninja)."""

from typing import Any

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Enterprise, Participation
from fairmatch.matching.models import MeetingRequest


def edition_out(edition: Edition) -> dict[str, Any]:
    return {
        "slug": edition.slug,
        "name_en": edition.name_en,
        "name_zh": edition.name_zh,
        "start_date": edition.start_date,
        "end_date": edition.end_date,
        "venue": edition.venue,
        "timezone": edition.timezone,
        "currency": edition.currency,
        "status": edition.status,
    }


def enterprise_out(enterprise: Enterprise, *, fields: list[str] | None = None) -> dict[str, Any]:
    """``fields``: the codes, loaded for a whole page (else the prefetched fields are read)."""
    return {
        "id": enterprise.pk,
        "name_original": enterprise.name_original,
        "name_en": enterprise.name_en,
        "country": str(enterprise.country),
        "kind": enterprise.kind,
        "fields": sorted(
            fields if fields is not None else (f.code for f in enterprise.fields.all())
        ),
    }


def field_codes(enterprise_ids: set[int]) -> dict[int, list[str]]:
    """The field codes of each enterprise, in one query (a page's worth)."""
    codes: dict[int, list[str]] = {enterprise_id: [] for enterprise_id in enterprise_ids}
    through = Enterprise.fields.through.objects.filter(enterprise_id__in=enterprise_ids)
    for enterprise_id, code in through.values_list("enterprise_id", "field__code"):
        codes[enterprise_id].append(code)
    return codes


def participation_out(
    participation: Participation, *, edition: Edition, fields: list[str] | None = None
) -> dict[str, Any]:
    return {
        "id": participation.pk,
        "edition": edition.slug,
        "enterprise": enterprise_out(participation.enterprise, fields=fields),
        "state": participation.state,
        "roles": list(participation.roles),
        "rule_outcome": participation.rule_outcome,
        "submitted_at": participation.submitted_at,
        "updated_at": participation.updated_at,
    }


def meeting_request_out(request: MeetingRequest) -> dict[str, Any]:
    return {
        "id": request.pk,
        "requester": request.requester_id,
        "recipient": request.recipient_id,
        "state": request.state,
        "priority": request.priority,
        "message": request.message,
        "answer_reason": request.answer_reason,
        "created_at": request.created_at,
        "answered_at": request.answered_at,
    }

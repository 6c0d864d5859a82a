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


def enterprise_out(enterprise: Enterprise) -> dict[str, Any]:
    """Fields come prefetched (``enterprise__fields``): no query per row."""
    return {
        "id": enterprise.pk,
        "name_original": enterprise.name_original,
        "name_en": enterprise.name_en,
        "country": str(enterprise.country),
        "kind": enterprise.kind,
        "fields": sorted(field.code for field in enterprise.fields.all()),
    }


def participation_out(participation: Participation) -> dict[str, Any]:
    return {
        "id": participation.pk,
        "edition": participation.edition.slug,
        "enterprise": enterprise_out(participation.enterprise),
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

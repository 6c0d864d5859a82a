from typing import Any

from django.db import models

from fairmatch.core.models import AuditEntry


def record_action(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Keep an organiser action in the audit log."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        object_repr=str(target)[:300],
        note=note,
        data=data or {},
    )

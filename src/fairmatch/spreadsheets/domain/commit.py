"""Writing a checked file: all rows or none, in bulk, through the site's domain functions.

Records already imported (found by their external id in this edition) are updated; the
others are created. New applications start as drafts, as ``start_application`` makes them;
their rule results are computed in bulk by ``refresh_rule_results``; an application already
admitted goes through ``refresh_participation``, which sends it back to review if what was
reviewed changed. Exchange rates go through ``set_exchange_rate`` (audit, re-evaluation).
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from fairmatch.conference.domain.rules import set_exchange_rate
from fairmatch.conference.models import Edition
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.applications import descriptions_saved
from fairmatch.enterprises.domain.qualification import (
    EditionContext,
    refresh_participation,
    refresh_rule_results,
    with_application,
)
from fairmatch.enterprises.models import Capability, Delegate, Demand, Enterprise, Participation
from fairmatch.spreadsheets.domain.booths import write_booths
from fairmatch.spreadsheets.domain.checks import Checked
from fairmatch.spreadsheets.models import ExternalId, ImportKind

BATCH = 500
ENTERPRISE_FIELDS = (
    "name_original",
    "name_en",
    "country",
    "kind",
    "size",
    "website",
    "description",
    "description_language",
)
CHILDREN: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    ImportKind.DELEGATES: (
        Delegate,
        ("full_name", "title", "rank_id", "email", "phone", "is_attending"),
    ),
    ImportKind.DEMANDS: (
        Demand,
        (
            "field_id",
            "cooperation_kind_id",
            "value",
            "currency",
            "description",
            "description_language",
        ),
    ),
    ImportKind.CAPABILITIES: (
        Capability,
        (
            "field_id",
            "cooperation_kind_id",
            "capacity",
            "currency",
            "references",
            "description",
            "description_language",
        ),
    ),
}
Progress = Callable[[int], None]


class CommitRefused(Exception):
    """The file has errors; nothing was written."""


def _batches(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _update(model: type[Any], records: Sequence[Any], names: Sequence[str]) -> None:
    """``bulk_update`` without its CASE expressions (slow to build for thousands of rows):
    one parametrised UPDATE run for every record (``executemany``), values prepared by the
    fields themselves."""
    if not records:
        return
    fields = [model._meta.get_field(name) for name in names]
    table = connection.ops.quote_name(model._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    pk = connection.ops.quote_name(model._meta.pk.column)
    rows = [
        [f.get_db_prep_save(getattr(record, f.attname), connection) for f in fields] + [record.pk]
        for record in records
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", rows)


def _assign(record: Any, values: dict[str, Any], names: Sequence[str]) -> bool:
    """Set the given values (None: leave as is); whether anything changed."""
    changed = False
    for name in names:
        value = values.get(name)
        if value is not None and getattr(record, name) != value:
            setattr(record, name, value)
            changed = True
    return changed


def commit_checked(
    checked: Checked, *, edition: Edition, actor: Any, progress: Progress | None = None
) -> dict[str, int]:
    """Write every clean row in one transaction; counts of records created and updated.

    Side effects: rule results of the touched applications; admitted applications whose
    reviewed facts changed go back to review; ``descriptions_saved`` after the commit.
    """
    if checked.errors or not checked.clean:
        raise CommitRefused(checked.errors)
    report = progress or (lambda done: None)
    with transaction.atomic():
        enterprise_ids: list[int] = []
        if checked.kind == ImportKind.ENTERPRISES:
            counts, participation_ids, enterprise_ids = _write_enterprises(checked, edition, report)
        elif checked.kind == ImportKind.RATES:
            counts, participation_ids = _write_rates(checked, edition, actor, report), []
        elif checked.kind == ImportKind.BOOTHS:
            counts, participation_ids = write_booths(checked, edition, actor), []
        else:
            counts, participation_ids = _write_children(checked, edition, report)
        _refresh(participation_ids, edition)
        if participation_ids or enterprise_ids:
            # Receivers read the primary keys only (matching queues the texts' embeddings
            # for after the commit).
            descriptions_saved.send(
                sender=Participation,
                participations=[Participation(pk=pk) for pk in participation_ids],
                enterprises=[Enterprise(pk=pk) for pk in enterprise_ids],
            )
    return counts


def _external(edition: Edition, kind: str, keys: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for batch in _batches(list(keys)):
        found.update(
            ExternalId.objects.filter(
                edition=edition, kind=kind, external_id__in=batch
            ).values_list("external_id", "object_id")
        )
    return found


def _write_enterprises(
    checked: Checked, edition: Edition, report: Progress
) -> tuple[dict[str, int], list[int], list[int]]:
    known = _external(edition, ImportKind.ENTERPRISES, (c["external_id"] for c in checked.clean))
    present = [f for f in ENTERPRISE_FIELDS if checked.clean[0].get(f) is not None]
    created = updated = done = 0
    participation_ids: list[int] = []
    enterprise_ids: list[int] = []
    for batch in _batches(checked.clean):
        existing = Enterprise.objects.in_bulk(
            [known[c["external_id"]] for c in batch if c["external_id"] in known]
        )
        new, changed, enterprise_of = [], [], {}
        for clean in batch:
            enterprise = existing.get(known.get(clean["external_id"], 0))
            if enterprise is None:
                enterprise = Enterprise(description_language="en")
                _assign(enterprise, clean, present)
                new.append((clean, enterprise))
            elif _assign(enterprise, clean, present):
                changed.append(enterprise)
            enterprise_of[clean["external_id"]] = enterprise
        Enterprise.objects.bulk_create([enterprise for _c, enterprise in new])
        _update(Enterprise, changed, present)
        updated += len(batch) - len(new)
        ExternalId.objects.bulk_create(
            ExternalId(
                edition=edition,
                kind=ImportKind.ENTERPRISES,
                external_id=clean["external_id"],
                object_id=enterprise.pk,
            )
            for clean, enterprise in new
        )
        if "fields" in batch[0]:
            changed += _write_fields(batch, enterprise_of, list(existing))
        participation_ids += _write_participations(
            batch, enterprise_of, edition, changed={e.pk for e in changed}
        )
        enterprise_ids += [e.pk for _c, e in new] + [e.pk for e in changed]
        created += len(new)
        done += len(batch)
        report(done)
    return {"created": created, "updated": updated}, participation_ids, enterprise_ids


def _write_fields(
    batch: Sequence[dict[str, Any]], enterprise_of: dict[str, Enterprise], existing: list[int]
) -> list[Enterprise]:
    """Set the enterprises' fields; the existing enterprises whose fields changed."""
    through = Enterprise.fields.through
    before: dict[int, set[int]] = {pk: set() for pk in existing}
    for enterprise_id, field_id in through.objects.filter(enterprise_id__in=existing).values_list(
        "enterprise_id", "field_id"
    ):
        before[enterprise_id].add(field_id)
    rewrite = [
        c for c in batch if before.get(enterprise_of[c["external_id"]].pk) != set(c["fields"])
    ]
    changed = [
        enterprise_of[c["external_id"]]
        for c in rewrite
        if enterprise_of[c["external_id"]].pk in before
    ]
    through.objects.filter(enterprise_id__in=[e.pk for e in changed]).delete()
    through.objects.bulk_create(
        through(enterprise_id=enterprise_of[c["external_id"]].pk, field_id=field_id)
        for c in rewrite
        for field_id in c["fields"]
    )
    return changed


def _write_participations(
    batch: Sequence[dict[str, Any]],
    enterprise_of: dict[str, Enterprise],
    edition: Edition,
    *,
    changed: set[int],
) -> list[int]:
    """Create or update the applications; those to judge again (new, or anything the rules
    read changed: the enterprise or the roles)."""
    pks = [enterprise.pk for enterprise in enterprise_of.values()]
    existing = {
        p.enterprise_id: p
        for p in Participation.objects.filter(edition=edition, enterprise_id__in=pks)
    }
    new, rewritten, judge = [], [], []
    for clean in batch:
        enterprise = enterprise_of[clean["external_id"]]
        participation = existing.get(enterprise.pk)
        values = {"is_negotiator": clean["negotiator"], "is_exhibitor": clean["exhibitor"]}
        if participation is None:
            new.append(Participation(enterprise=enterprise, edition=edition, **values))
        elif _assign(participation, values, list(values)):
            rewritten.append(participation)
            judge.append(participation)
        elif enterprise.pk in changed:
            judge.append(participation)
    Participation.objects.bulk_create(new)
    _update(Participation, rewritten, ["is_negotiator", "is_exhibitor"])
    return [p.pk for p in new + judge]


def _write_children(
    checked: Checked, edition: Edition, report: Progress
) -> tuple[dict[str, int], list[int]]:
    model, names = CHILDREN[checked.kind]
    known = _external(edition, checked.kind, (c["external_id"] for c in checked.clean))
    participation_of = dict(
        Participation.objects.filter(edition=edition).values_list("enterprise_id", "pk")
    )
    created = updated = done = 0
    touched: set[int] = set()
    for batch in _batches(checked.clean):
        existing = model.objects.in_bulk(
            [known[c["external_id"]] for c in batch if c["external_id"] in known]
        )
        new, changed = [], []
        for clean in batch:
            record = existing.get(known.get(clean["external_id"], 0))
            values = {name: clean[name.removesuffix("_id")] for name in names}
            values["participation_id"] = participation_of[clean["enterprise"]]
            if record is None:
                record = model(**values)
                new.append((clean, record))
            elif record.participation_id != values["participation_id"] or _assign(
                record, values, list(values)
            ):
                touched.add(record.participation_id)  # the one it leaves, if it moves
                _assign(record, values, list(values))
                changed.append(record)
            else:
                continue  # unchanged: its application needs no new judgement
            touched.add(record.participation_id)
        model.objects.bulk_create([record for _c, record in new])
        _update(model, changed, [*names, "participation_id"])
        ExternalId.objects.bulk_create(
            ExternalId(
                edition=edition,
                kind=checked.kind,
                external_id=clean["external_id"],
                object_id=record.pk,
            )
            for clean, record in new
        )
        created, updated = created + len(new), updated + len(batch) - len(new)
        done += len(batch)
        report(done)
    return {"created": created, "updated": updated}, sorted(touched)


def _write_rates(
    checked: Checked, edition: Edition, actor: Any, report: Progress
) -> dict[str, int]:
    known = set(edition.rates.values_list("currency", flat=True))
    for done, clean in enumerate(checked.clean, start=1):
        set_exchange_rate(
            edition=edition,
            currency=clean["currency"],
            units_per_usd=clean["units_per_usd"],
            actor=actor,
        )
        report(done)
    updated = sum(clean["currency"] in known for clean in checked.clean)
    return {"created": len(checked.clean) - updated, "updated": updated}


def _refresh(participation_ids: list[int], edition: Edition) -> None:
    """Rule results of the touched applications: in bulk, except for admitted ones, which
    go one by one through the site's ``refresh_participation`` (admissions kept true)."""
    if not participation_ids:
        return
    context = EditionContext.load(edition)
    for batch in _batches(participation_ids):
        participations = list(with_application(Participation.objects.filter(pk__in=batch)))
        admitted = [p for p in participations if p.state in workflow.ADMITTED_STATES]
        refresh_rule_results(
            [p for p in participations if p.state not in workflow.ADMITTED_STATES], context
        )
        for participation in admitted:
            refresh_participation(participation)

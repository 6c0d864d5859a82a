"""Builds the engine's problem from the stored edition, and maps its answer back.

Participants are the participations with accepted meetings; each meeting is an accepted
meeting request. Buyers are hosts (they keep one table). Two sides without a shared
working language need a table with an interpreter of the buyer's first language.
Manual decisions hold like locks: a meeting placed by hand is fixed where it is, one taken
off the grid by hand is left out. With a release, its places are the engine's reference
(the schedule to change as little as possible).

Meetings agreed at an exhibitor's booth (``domain.booths``) take place there: the engine
places them in time like the others, and the booth, not the engine's table, is their
place. The engine knows no location but its tables, so such a meeting still counts
against the tables of its slot: a slot is never over-filled, at the cost of a table left
free while the meeting is at the booth. Booth locations are not among the engine's tables,
so no other meeting is ever given one.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.matching.models import MeetingRequest, RequestState
from fairmatch.scheduling import engine
from fairmatch.scheduling.domain.booths import booth_locations
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.models import (
    PLACED_STATES,
    ManualDecision,
    Meeting,
    MeetingState,
    NegotiationTable,
    Release,
    ReleaseEntry,
    Slot,
    Unavailability,
)


@transaction.atomic
def sync_meetings(edition: Edition) -> int:
    """One meeting per accepted request; a request no longer accepted cancels its meeting."""
    lock_working_schedule(edition.pk)
    accepted = MeetingRequest.objects.filter(edition=edition, state=RequestState.ACCEPTED)
    existing = set(Meeting.objects.filter(edition=edition).values_list("request_id", flat=True))
    Meeting.objects.bulk_create(
        Meeting(edition=edition, request=r, first_id=r.requester_id, second_id=r.recipient_id)
        for r in accepted.exclude(pk__in=existing)
    )
    return (
        Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED)
        .exclude(request__state=RequestState.ACCEPTED)
        .update(
            state=MeetingState.CANCELLED,
            slot=None,
            table=None,
            locked=False,
            version=F("version") + 1,
        )
    )


@dataclass(frozen=True)
class StoredProblem:
    """The engine's problem and the stored rows behind its indices."""

    problem: engine.Problem
    meetings: list[Meeting]
    participants: list[Participation]
    slots: list[Slot]
    tables: list[NegotiationTable]
    # Meeting index -> the booth where it must take place (its place whatever the table).
    locations: dict[int, NegotiationTable] = field(default_factory=dict)

    def table_for(self, meeting: int, placement: engine.Placement) -> NegotiationTable:
        """Where a placed meeting takes place: its booth, else the engine's table."""
        return self.locations.get(meeting) or self.tables[placement.table]


def holds_its_place(meeting: Meeting) -> bool:
    """Whether runs must leave the meeting where it is: locked, or placed by hand."""
    return meeting.slot_id is not None and (
        meeting.locked
        or meeting.manual == ManualDecision.MOVED
        or meeting.state == MeetingState.HELD
    )


def build_problem(
    edition: Edition, *, fix_placed: bool = False, reference: Release | None = None
) -> StoredProblem:
    """The edition's scheduled meetings as an engine problem; locked ones and those placed by
    hand are fixed, those taken off the grid by hand left out, and with ``fix_placed`` every
    placed one is fixed (to fit the others around them, same day). With ``reference``, the
    release's places are the problem's reference."""
    slots = list(Slot.objects.filter(session__edition=edition).select_related("session"))
    tables = list(NegotiationTable.objects.filter(edition=edition, booth__isnull=True))
    meetings = list(
        Meeting.objects.filter(edition=edition, state__in=PLACED_STATES)
        .exclude(manual=ManualDecision.REMOVED)
        .select_related("first__enterprise", "second__enterprise", "request")
        .order_by("pk")
    )
    at_booth = booth_locations(edition, meetings)
    participants: dict[int, Participation] = {}
    for meeting in meetings:
        participants.setdefault(meeting.first_id, meeting.first)
        participants.setdefault(meeting.second_id, meeting.second)
    people = sorted(participants.values(), key=lambda p: p.pk)
    person_index = {p.pk: index for index, p in enumerate(people)}
    slot_index = {slot.pk: index for index, slot in enumerate(slots)}
    table_index = {table.pk: index for index, table in enumerate(tables)}
    forbidden: dict[int, set[int]] = {}
    for participation_id, slot_id in Unavailability.objects.filter(
        participation_id__in=person_index, slot_id__in=slot_index
    ).values_list("participation_id", "slot_id"):
        forbidden.setdefault(participation_id, set()).add(slot_index[slot_id])
    day_index = {day: n for n, day in enumerate(sorted({s.session.date for s in slots}))}
    problem = engine.Problem(
        name=edition.slug,
        participants=tuple(
            engine.Participant(
                name=str(p.pk),
                forbidden_slots=frozenset(forbidden.get(p.pk, ())),
                is_host=p.enterprise.is_buyer and not p.enterprise.is_provider,
            )
            for p in people
        ),
        meetings=tuple(
            engine.Meeting(
                participants=(person_index[m.first_id], person_index[m.second_id]),
                fixed_slot=slot_index.get(m.slot_id)
                if (holds_its_place(m) or fix_placed) and m.slot_id
                else None,
                fixed_table=(
                    table_index.get(m.table_id)
                    if (holds_its_place(m) or fix_placed) and m.table_id
                    else None
                ),
                # At a booth, the table's interpreters are not there to help.
                language=None if m.pk in at_booth else interpreter_language(m.first, m.second),
            )
            for m in meetings
        ),
        slots=tuple(
            engine.Slot(
                day=day_index[s.session.date],
                session=s.session.part,
                tables=(
                    tuple(range(min(s.session.table_count, len(tables))))
                    if s.session.table_count is not None
                    else None
                ),
            )
            for s in slots
        ),
        tables=tuple(
            engine.Table(name=str(t.number), languages=frozenset(t.interpreter_languages))
            for t in tables
        ),
        reference=None if reference is None else _reference(reference, meetings, slots, tables),
    )
    return StoredProblem(
        problem=problem,
        meetings=meetings,
        participants=people,
        slots=slots,
        tables=tables,
        locations={index: at_booth[m.pk] for index, m in enumerate(meetings) if m.pk in at_booth},
    )


def _reference(
    release: Release,
    meetings: list[Meeting],
    slots: list[Slot],
    tables: list[NegotiationTable],
) -> tuple[engine.Placement | None, ...]:
    """Each meeting's place in the release (None: not released, or its slot or table gone).

    The release's rows name a slot by its start time and a table by its number, as frozen.
    """
    slot_index = {slot.starts_at: index for index, slot in enumerate(slots)}
    table_index = {table.number: index for index, table in enumerate(tables)}
    entries = {
        entry.meeting_id: entry
        for entry in ReleaseEntry.objects.filter(release=release).only(
            "meeting_id", "starts_at", "table_number"
        )
    }
    places: list[engine.Placement | None] = []
    for meeting in meetings:
        entry = entries.get(meeting.pk)
        slot = slot_index.get(entry.starts_at) if entry else None
        table = table_index.get(entry.table_number) if entry else None
        places.append(None if slot is None or table is None else engine.Placement(slot, table))
    return tuple(places)


def interpreter_language(first: Participation, second: Participation) -> str | None:
    """The language an interpreter must speak when the two share no working language."""
    first_languages = set(first.enterprise.languages)
    second_languages = set(second.enterprise.languages)
    if not first_languages or not second_languages or first_languages & second_languages:
        return None
    buyer = first if first.enterprise.is_buyer else second
    return buyer.enterprise.languages[0] if buyer.enterprise.languages else None

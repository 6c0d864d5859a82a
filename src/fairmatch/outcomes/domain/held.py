"""Whether a meeting took place: the condition for recording an intention on it."""

from django.utils import timezone

from fairmatch.scheduling.models import Meeting, MeetingState


def meeting_was_held(meeting: Meeting) -> bool:
    """True if the meeting took place.

    For now: a meeting marked held, or a placed meeting (not marked missed or cancelled)
    whose slot has ended. The onsite app's held/missed record (marked by either party or
    staff at the tables) replaces this rule once it is merged; callers keep this name.
    """
    if meeting.state == MeetingState.HELD:
        return True
    if meeting.state != MeetingState.SCHEDULED or meeting.slot_id is None:
        return False
    return meeting.slot.ends_at <= timezone.now()

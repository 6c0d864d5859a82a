"""Whether each meeting took place: held, or missed and by whom."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    HELD = "held", _("held")
    MISSED = "missed", _("missed")


class Absent(models.TextChoices):
    """Who did not come to a missed meeting, by the meeting's sides."""

    FIRST = "first", _("the first participant")
    SECOND = "second", _("the second participant")
    BOTH = "both", _("both participants")


class MarkedAs(models.TextChoices):
    PARTICIPANT = "participant", _("a participant")
    STAFF = "staff", _("staff at the tables")


class MeetingAttendance(models.Model):
    """The outcome of one meeting on the day; written through
    ``fairmatch.onsite.domain.attendance`` only (one function per transition)."""

    meeting = models.OneToOneField(
        "scheduling.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    absent = models.CharField(
        _("who did not come"), max_length=10, choices=Absent.choices, blank=True
    )
    # Where and when it was to take place: a missed meeting leaves the grid.
    slot = models.ForeignKey(
        "scheduling.Slot",
        verbose_name=_("slot"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    table_number = models.PositiveIntegerField(_("table"), null=True, blank=True)
    # What each side said (blank: nothing yet); staff marks set the outcome alone.
    first_says = models.CharField(
        _("the first participant says"), max_length=10, choices=Outcome.choices, blank=True
    )
    second_says = models.CharField(
        _("the second participant says"), max_length=10, choices=Outcome.choices, blank=True
    )
    place_again = models.BooleanField(
        _("to be placed again today"),
        default=False,
        help_text=_("A missed meeting waiting for a new place in the same-day rescheduling."),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    marked_as = models.CharField(_("marked as"), max_length=12, choices=MarkedAs.choices)
    marked_at = models.DateTimeField(_("marked at"))

    class Meta:
        ordering = ["-marked_at"]
        verbose_name = _("meeting attendance")
        verbose_name_plural = _("meeting attendances")

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.outcome}"

    @property
    def confirmed_by_both(self) -> bool:
        return self.first_says == self.second_says == self.outcome

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingState(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    HELD = "held", _("held")
    NO_SHOW = "no_show", _("no-show")
    CANCELLED = "cancelled", _("cancelled")


# A held meeting keeps its place: releases, runs and same-day changes leave it where it was.
PLACED_STATES = (MeetingState.SCHEDULED, MeetingState.HELD)


class ManualDecision(models.TextChoices):
    """What the organiser decided by hand about a meeting; solver runs keep it until released."""

    MOVED = "moved", _("placed by hand")
    REMOVED = "removed", _("taken off the grid by hand")


class Meeting(models.Model):
    """An accepted meeting request in the working schedule: where and when, if placed.

    Edits go through ``fairmatch.scheduling.domain.edits`` (row locks, version checks).
    """

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    request = models.OneToOneField(
        "matching.MeetingRequest",
        verbose_name=_("meeting request"),
        on_delete=models.CASCADE,
        related_name="meeting",
    )
    first = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("first participant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    second = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("second participant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    slot = models.ForeignKey(
        "scheduling.Slot",
        verbose_name=_("slot"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    table = models.ForeignKey(
        "scheduling.NegotiationTable",
        verbose_name=_("table"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MeetingState.choices, default=MeetingState.SCHEDULED
    )
    locked = models.BooleanField(_("locked"), default=False)
    manual = models.CharField(
        _("manual decision"),
        max_length=10,
        choices=ManualDecision.choices,
        blank=True,
        help_text=_("Kept by solver runs until the organiser releases it."),
    )
    unplaced_reason = models.CharField(_("why it is not placed"), max_length=300, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slot__index", "table__number", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            # A table hosts one meeting per slot; cancelled meetings leave the grid.
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=models.Q(slot__isnull=False, table__isnull=False),
                name="one_meeting_per_table_and_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} / {self.second}"

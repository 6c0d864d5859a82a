"""The negotiation grid: days and sessions cut into slots, and the tables of the hall."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionPart(models.TextChoices):
    MORNING = "morning", _("morning")
    AFTERNOON = "afternoon", _("afternoon")


class NegotiationSession(models.Model):
    """A half-day of negotiations: from its start, slots of equal length with pauses between."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="negotiation_sessions",
    )
    date = models.DateField(_("day"))
    part = models.CharField(_("session"), max_length=10, choices=SessionPart.choices)
    starts_at = models.TimeField(_("first slot starts"))
    slot_count = models.PositiveSmallIntegerField(
        _("slots"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(240)]
    )
    pause_minutes = models.PositiveSmallIntegerField(
        _("pause between slots (minutes)"), default=5, validators=[MaxValueValidator(120)]
    )
    table_count = models.PositiveSmallIntegerField(
        _("tables open"),
        null=True,
        blank=True,
        help_text=_("Empty: every table of the hall."),
    )

    class Meta:
        ordering = ["date", "starts_at"]
        verbose_name = _("negotiation session")
        verbose_name_plural = _("negotiation sessions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "date", "part"], name="one_session_per_part")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_part_display()}"


class Slot(models.Model):
    """One time slot; ``index`` orders the slots of the whole edition from 0."""

    session = models.ForeignKey(
        NegotiationSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="slots",
    )
    index = models.PositiveIntegerField(_("order"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["index"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class NegotiationTable(models.Model):
    """A negotiation table, in a zone, perhaps with interpreters."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="negotiation_tables",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    zone = models.CharField(_("zone"), max_length=60, blank=True)
    interpreter_languages = models.JSONField(
        _("interpreter languages"), default=list, blank=True, help_text=_("ISO 639-1 codes")
    )
    booth = models.OneToOneField(
        "exhibition.Booth",
        verbose_name=_("booth"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="negotiation_table",
        help_text=_(
            "An exhibitor's booth where agreed meetings take place; kept out of the tables "
            "that runs give to other meetings."
        ),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_table_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}" + (f" ({self.zone})" if self.zone else "")


class Unavailability(models.Model):
    """A slot a participant cannot attend."""

    participation = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="unavailable_slots",
    )
    slot = models.ForeignKey(
        Slot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("unavailable slot")
        verbose_name_plural = _("unavailable slots")
        constraints = [
            models.UniqueConstraint(fields=["participation", "slot"], name="one_unavailability")
        ]

    def __str__(self) -> str:
        return f"{self.participation}: {self.slot}"

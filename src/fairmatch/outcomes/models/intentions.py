"""Signed intentions after a negotiation, and the follow-up that asks what became of them.

Writes go through ``fairmatch.outcomes.domain`` (transition table, row locks, audit).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IntentionForm(models.TextChoices):
    LETTER_OF_INTENT = "loi", _("letter of intent")
    MEMORANDUM = "mou", _("memorandum of understanding")
    CONTRACT = "contract", _("contract")


class IntentionState(models.TextChoices):
    RECORDED = "recorded", _("waiting for the other party")
    CONFIRMED = "confirmed", _("confirmed by both parties")
    DISPUTED = "disputed", _("disputed")


class IntentionSource(models.TextChoices):
    PARTY = "party", _("recorded by a party")
    CEREMONY = "ceremony", _("entered by the organiser at a signing ceremony")


class Intention(models.Model):
    """An intention to cooperate signed by two participants of an edition, with its value."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="intentions",
    )
    meeting = models.ForeignKey(
        "scheduling.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intentions",
    )
    recorder = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("recorded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    counterpart = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("other party"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=IntentionSource.choices, default=IntentionSource.PARTY
    )
    form = models.CharField(_("form"), max_length=10, choices=IntentionForm.choices)
    kind = models.ForeignKey(
        "conference.CooperationKind",
        verbose_name=_("cooperation kind"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    field = models.ForeignKey(
        "conference.Field", verbose_name=_("field"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    expected_start = models.DateField(_("expected start"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to="intentions/%Y/", blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=IntentionState.choices, default=IntentionState.RECORDED
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    dispute_reason = models.TextField(_("why it is disputed"), blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("intention")
        verbose_name_plural = _("intentions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="intention_amount_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recorder} / {self.counterpart}: {self.amount} {self.currency}"

    @property
    def counts(self) -> bool:
        """Only intentions both parties confirmed (or the organiser entered) count."""
        return self.state == IntentionState.CONFIRMED


class FollowUpOutcome(models.TextChoices):
    WENT_AHEAD = "went_ahead", _("the deal went ahead")
    NOT_YET = "not_yet", _("not decided yet")
    ABANDONED = "abandoned", _("the deal did not go ahead")


class FollowUp(models.Model):
    """The question sent months later, by a personal link: did the deal go ahead?

    The link is usable once and until ``deadline``.
    """

    intention = models.OneToOneField(
        Intention, verbose_name=_("intention"), on_delete=models.CASCADE, related_name="follow_up"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    deadline = models.DateTimeField(_("answer by"))
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminder_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=FollowUpOutcome.choices, blank=True
    )
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    reason = models.TextField(_("why not"), blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.intention}: {self.outcome or '-'}"

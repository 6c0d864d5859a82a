from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    QUALIFIED = "qualified", _("qualified")
    WAITING_CONFIRMATION = "waiting_confirmation", _("waiting for confirmation")
    REJECTED = "rejected", _("rejected")
    CONFIRMED = "confirmed", _("confirmed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RuleOutcome(models.TextChoices):
    PASS = "pass", _("passes")
    REVIEW = "review", _("needs review")
    FAIL = "fail", _("fails")


class Participation(models.Model):
    """An enterprise's application to (and then presence at) one edition.

    The state only changes through ``fairmatch.enterprises.domain.workflow``.
    """

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    is_negotiator = models.BooleanField(_("takes part in the negotiations"), default=True)
    is_exhibitor = models.BooleanField(_("takes a booth in the exhibition"), default=False)
    state = models.CharField(
        _("state"), max_length=24, choices=State.choices, default=State.DRAFT, db_index=True
    )
    rule_outcome = models.CharField(
        _("rule outcome"),
        max_length=10,
        choices=RuleOutcome.choices,
        default=RuleOutcome.REVIEW,
        db_index=True,
        help_text=_("The worst outcome of the edition's rules for this application."),
    )
    reviewed_facts = models.JSONField(
        _("facts reviewed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "What the rules read when the organiser admitted the application; "
            "a change to it sends the application back to review."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "edition"], name="one_participation_per_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} @ {self.edition}"

    @property
    def roles(self) -> list[str]:
        """The roles the edition's rules judge this participation in."""
        roles = []
        if self.is_negotiator and self.enterprise.is_buyer:
            roles.append("buyer")
        if self.is_negotiator and self.enterprise.is_provider:
            roles.append("provider")
        if self.is_exhibitor:
            roles.append("exhibitor")
        return roles

    @property
    def is_editable_by_applicant(self) -> bool:
        return self.state == State.DRAFT


class StateChange(models.Model):
    """One move of a participation through its workflow: who, when, why."""

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="state_changes",
    )
    from_state = models.CharField(_("from"), max_length=24, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=24, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    reasons = models.JSONField(
        _("reasons"),
        default=list,
        blank=True,
        help_text=_(
            "Why an automatic change was made, as messages shown in the reader's language."
        ),
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self) -> str:
        return f"{self.from_state} -> {self.to_state}"


class RuleResult(models.Model):
    """The last evaluation of one qualification rule against one participation."""

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="rule_results",
    )
    rule = models.ForeignKey(
        "conference.QualificationRule",
        verbose_name=_("rule"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=RuleOutcome.choices)
    reason = models.JSONField(_("reason"), help_text=_("Message template and its parameters."))
    evidence = models.JSONField(_("evidence"), default=dict)
    evaluated_at = models.DateTimeField(_("evaluated"), auto_now=True)

    class Meta:
        ordering = ["rule_id"]
        verbose_name = _("rule result")
        verbose_name_plural = _("rule results")
        constraints = [
            models.UniqueConstraint(fields=["participation", "rule"], name="one_result_per_rule")
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.outcome}"


class ConfirmationRequest(models.Model):
    """A request, sent by e-mail, that a participation confirms or declines its attendance."""

    class Response(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="confirmation_requests",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    response = models.CharField(_("answer"), max_length=10, choices=Response.choices, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("confirmation request")
        verbose_name_plural = _("confirmation requests")

    def __str__(self) -> str:
        return f"{self.participation} ({self.sent_at:%Y-%m-%d})"

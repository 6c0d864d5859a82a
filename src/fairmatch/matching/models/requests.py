from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    PENDING = "pending", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")


ACTIVE_STATES = (RequestState.PENDING, RequestState.ACCEPTED)


class MeetingRequest(models.Model):
    """One participant asks another for a one-to-one negotiation.

    The state only changes through ``fairmatch.matching.domain.requests``; accepted
    requests are what the scheduler places.
    """

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="meeting_requests",
    )
    requester = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="sent_requests",
    )
    recipient = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("to"),
        on_delete=models.CASCADE,
        related_name="received_requests",
    )
    demand = models.ForeignKey(
        "enterprises.Demand",
        verbose_name=_("about the demand"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_requests",
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        choices=[(1, _("high")), (2, _("normal")), (3, _("low"))],
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
        help_text=_("1 = high, 3 = low"),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=RequestState.choices,
        default=RequestState.PENDING,
        db_index=True,
    )
    answer_reason = models.TextField(_("reason"), max_length=1000, blank=True)
    at_booth = models.BooleanField(
        _("at the exhibitor's booth"),
        default=False,
        help_text=_(
            "Asked by the requester; accepting the request agrees to it: the meeting then "
            "takes place at the exhibitor's booth instead of a negotiation table."
        ),
    )
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("arranged by the organiser"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=models.F("recipient")), name="no_request_to_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} -> {self.recipient} ({self.state})"


class WishLevel(models.TextChoices):
    MUST = "must", _("must meet")
    WOULD_LIKE = "would_like", _("would like to meet")
    NO_THANKS = "no_thanks", _("no thanks")


class Wish(models.Model):
    """A participant's wish about meeting another, in the wish-list mode (and as a veto)."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="wishes",
    )
    wisher = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="wishes_made",
    )
    target = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("about"),
        on_delete=models.CASCADE,
        related_name="wishes_received",
    )
    level = models.CharField(_("wish"), max_length=12, choices=WishLevel.choices)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        constraints = [
            models.UniqueConstraint(fields=["wisher", "target"], name="one_wish_per_pair"),
            models.CheckConstraint(
                condition=~Q(wisher=models.F("target")), name="no_wish_about_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wisher} -> {self.target}: {self.level}"

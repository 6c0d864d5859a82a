from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingMode(models.TextChoices):
    REQUESTS = "requests", _("meeting requests (ask, then accept or decline)")
    WISHES = "wishes", _("wish lists (must meet / would like / no thanks)")


class MatchingPolicy(models.Model):
    """How participants of one edition find and request their negotiations."""

    edition = models.OneToOneField(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="matching_policy",
    )
    mode = models.CharField(
        _("how meetings are asked for"),
        max_length=10,
        choices=MeetingMode.choices,
        default=MeetingMode.REQUESTS,
    )
    request_deadline = models.DateTimeField(_("requests close"), null=True, blank=True)
    buyer_request_quota = models.PositiveSmallIntegerField(
        _("requests a buyer may send"), default=30
    )
    provider_request_quota = models.PositiveSmallIntegerField(
        _("requests a provider may send"), default=15
    )
    meetings_per_participant = models.PositiveSmallIntegerField(
        _("meetings a participant may accept"),
        default=16,
        help_text=_("Usually the number of negotiation slots."),
    )
    allowed_pairs = models.JSONField(
        _("who may meet whom"),
        default=list,
        blank=True,
        help_text=_('Role pairs, e.g. [["buyer", "provider"]]. Empty: buyers meet providers.'),
    )

    class Meta:
        verbose_name = _("matching policy")
        verbose_name_plural = _("matching policies")

    def __str__(self) -> str:
        return str(self.edition)

    def quota_for(self, role: str) -> int:
        return self.buyer_request_quota if role == "buyer" else self.provider_request_quota

    def may_meet(self, first_roles: set[str], second_roles: set[str]) -> bool:
        pairs = self.allowed_pairs or [["buyer", "provider"]]
        return any(
            (a in first_roles and b in second_roles) or (b in first_roles and a in second_roles)
            for a, b in pairs
        )

from django.db import models
from django.utils.translation import gettext_lazy as _

from fairmatch.conference.models.edition import Edition


class Role(models.TextChoices):
    """The capacity in which a participation is judged by a rule."""

    BUYER = "buyer", _("buyer (negotiator)")
    PROVIDER = "provider", _("provider (negotiator)")
    EXHIBITOR = "exhibitor", _("exhibitor")


class RuleKind(models.TextChoices):
    MIN_CONTRACT_VALUE = "min_contract_value", _("minimum contract value on offer")
    MIN_DELEGATE_RANK = "min_delegate_rank", _("minimum rank of the attending delegate")
    REQUIRED_FIELDS = "required_fields", _("required fields")
    ALLOWED_COUNTRIES = "allowed_countries", _("allowed countries or country groups")


class QualificationRule(models.Model):
    """A requirement the organiser sets for one role in one edition.

    ``parameters`` depend on ``kind`` and are validated by the rule form and by
    ``fairmatch.conference.qualification.rules.parse_rule``:
    - min_contract_value: ``{"amount_usd": "8000000", "basis": "largest" | "sum"}``
    - min_delegate_rank: ``{"rank_level": 30, "scope": "any" | "all"}``
    - required_fields: ``{"fields": ["software", ...], "mode": "any" | "all"}``
    - allowed_countries: ``{"countries": ["US", ...], "groups": ["foreign", ...]}``
    """

    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="rules"
    )
    role = models.CharField(_("applies to"), max_length=20, choices=Role.choices)
    kind = models.CharField(_("requirement"), max_length=40, choices=RuleKind.choices)
    parameters = models.JSONField(_("parameters"), default=dict)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["role", "kind", "id"]
        verbose_name = _("qualification rule")
        verbose_name_plural = _("qualification rules")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.get_kind_display()}"

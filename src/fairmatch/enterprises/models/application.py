"""What a participation brings: its delegates, a buyer's demands, a provider's capabilities."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fairmatch.enterprises.models.participation import Participation

# Larger than any outsourcing contract on record in any currency we accept (KRW included).
MAX_CONTRACT_VALUE = Decimal("1e15")


class Delegate(models.Model):
    """A person who attends on behalf of the enterprise."""

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="delegates",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("job title"), max_length=200)
    rank = models.ForeignKey(
        "conference.Rank",
        verbose_name=pgettext_lazy("seniority of a delegate", "rank"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_attending = models.BooleanField(_("attends the negotiations"), default=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.title})"


class Demand(models.Model):
    """An outsourcing contract, investment or cooperation a buyer brings to negotiate."""

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="demands",
    )
    field = models.ForeignKey(
        "conference.Field", verbose_name=_("field"), on_delete=models.PROTECT, related_name="+"
    )
    cooperation_kind = models.ForeignKey(
        "conference.CooperationKind",
        verbose_name=_("cooperation kind"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.DecimalField(
        _("contract value"),
        max_digits=20,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_CONTRACT_VALUE)],
    )
    currency = models.CharField(_("currency"), max_length=3)
    description = models.TextField(_("description"), max_length=5000)
    description_language = models.CharField(_("language of the description"), max_length=10)

    class Meta:
        ordering = ["id"]
        verbose_name = _("demand")
        verbose_name_plural = _("demands")

    def __str__(self) -> str:
        return f"{self.field} {self.currency} {self.value:,.0f}"


class Capability(models.Model):
    """A service a provider offers, with the largest contract it can take on."""

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="capabilities",
    )
    field = models.ForeignKey(
        "conference.Field", verbose_name=_("field"), on_delete=models.PROTECT, related_name="+"
    )
    cooperation_kind = models.ForeignKey(
        "conference.CooperationKind",
        verbose_name=_("cooperation kind"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    capacity = models.DecimalField(
        _("largest contract it can take"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_CONTRACT_VALUE)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    references = models.TextField(_("references"), max_length=2000, blank=True)
    description = models.TextField(_("description"), max_length=5000)
    description_language = models.CharField(_("language of the description"), max_length=10)

    class Meta:
        ordering = ["id"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def __str__(self) -> str:
        return str(self.field)

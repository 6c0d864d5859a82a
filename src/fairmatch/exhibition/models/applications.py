"""What an exhibitor asks for: booth size and type, place, neighbours, and its booth staff."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairmatch.exhibition.models.plan import BoothKind, Hall, Zone


class SponsorTier(models.TextChoices):
    NONE = "", _("none")
    BRONZE = "bronze", _("bronze")
    SILVER = "silver", _("silver")
    GOLD = "gold", _("gold")


class ExhibitorApplication(models.Model):
    """The exhibition part of a participation (``Participation.is_exhibitor``).

    The participation carries the workflow state, the rule results and the audit; this row
    carries only what the booth allocation reads.
    """

    participation = models.OneToOneField(
        "enterprises.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="exhibitor_application",
    )
    min_area = models.DecimalField(
        _("smallest booth (m²)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1"))],
    )
    max_area = models.DecimalField(
        _("largest booth (m²)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1"))],
    )
    booth_kind = models.CharField(
        _("booth type"), max_length=10, choices=BoothKind.choices, default=BoothKind.SHELL
    )
    preferred_hall = models.ForeignKey(
        Hall,
        verbose_name=_("preferred hall"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    preferred_zone = models.ForeignKey(
        Zone,
        verbose_name=_("preferred zone"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    fields = models.ManyToManyField(
        "conference.Field", verbose_name=_("fields shown"), related_name="+", blank=True
    )
    products = models.TextField(_("products and services shown"), max_length=3000)
    products_language = models.CharField(_("language of the description"), max_length=10)
    meetings_at_booth = models.BooleanField(
        _("accepts negotiations at the booth"),
        default=False,
        help_text=_("A negotiation may then take place at the booth when both sides agree."),
    )
    sponsor_tier = models.CharField(
        _("sponsor tier"),
        max_length=10,
        choices=SponsorTier.choices,
        default=SponsorTier.NONE,
        blank=True,
        help_text=_("Set by the organiser; sponsors get the busier booths."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("exhibitor application")
        verbose_name_plural = _("exhibitor applications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_area__lte=models.F("max_area")),
                name="exhibitor_area_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return str(self.participation)


class NeighbourWish(models.Model):
    """An enterprise the exhibitor wants beside it (a partner) or away from it (a competitor)."""

    class Kind(models.TextChoices):
        WANTED = "wanted", _("wanted as a neighbour")
        AVOIDED = "avoided", _("not wanted as a neighbour")

    application = models.ForeignKey(
        ExhibitorApplication,
        verbose_name=_("exhibitor application"),
        on_delete=models.CASCADE,
        related_name="neighbour_wishes",
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("wish"), max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("neighbour wish")
        verbose_name_plural = _("neighbour wishes")
        constraints = [
            # One wish per pair: wanting and avoiding the same enterprise cannot both be said.
            models.UniqueConstraint(
                fields=["application", "enterprise"], name="one_neighbour_wish_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.enterprise}"


class BoothStaff(models.Model):
    """A person who will be at the booth (they get a badge like the delegates)."""

    application = models.ForeignKey(
        ExhibitorApplication,
        verbose_name=_("exhibitor application"),
        on_delete=models.CASCADE,
        related_name="staff",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("booth staff member")
        verbose_name_plural = _("booth staff")

    def __str__(self) -> str:
        return self.full_name

"""The floor plan: halls, their zones and booths, drawn in metres from the hall's corner."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from fairmatch.core.models import BilingualName

METRES = {"max_digits": 7, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0.5"))]


class Hall(BilingualName):
    """An exhibition hall of one edition; (0, 0) is its north-west corner, x east, y south."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="halls",
    )
    code = models.SlugField(_("code"), max_length=20)
    width = models.DecimalField(_("width (m)"), validators=POSITIVE, **METRES)
    depth = models.DecimalField(_("depth (m)"), validators=POSITIVE, **METRES)
    entrances = models.JSONField(
        _("entrances"),
        default=list,
        blank=True,
        help_text=_("Points [x, y] in metres on the hall's walls; footfall is highest near them."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="unique_hall_code")]


class Zone(BilingualName):
    """A pavilion (per field or per country) or a sponsor area inside a hall."""

    class Kind(models.TextChoices):
        FIELD = "field", _("field pavilion")
        COUNTRY = "country", _("country pavilion")
        SPONSOR = "sponsor", _("sponsor area")
        OTHER = "other", _("other area")

    hall = models.ForeignKey(
        Hall, verbose_name=_("hall"), on_delete=models.CASCADE, related_name="zones"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    field = models.ForeignKey(
        "conference.Field",
        verbose_name=_("field"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)

    class Meta:
        ordering = ["hall", "id"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")


class BoothKind(models.TextChoices):
    SHELL = "shell", _("shell scheme")
    SPACE = "space", _("space only")


class OpenSides(models.TextChoices):
    """How many sides of the booth face an aisle; derived from the plan's geometry."""

    ROW = "row", _("row (one side open)")
    CORNER = "corner", _("corner (two sides open)")
    PENINSULA = "peninsula", _("peninsula (three sides open)")
    ISLAND = "island", _("island (four sides open)")


class Booth(models.Model):
    """A rectangle in a hall that one exhibitor takes.

    ``version`` grows on every change so that a move made on a stale page is refused.
    """

    hall = models.ForeignKey(
        Hall, verbose_name=_("hall"), on_delete=models.CASCADE, related_name="booths"
    )
    code = models.CharField(_("booth number"), max_length=20)
    x = models.DecimalField(_("x (m)"), **METRES)
    y = models.DecimalField(_("y (m)"), **METRES)
    width = models.DecimalField(_("width (m)"), validators=POSITIVE, **METRES)
    depth = models.DecimalField(_("depth (m)"), validators=POSITIVE, **METRES)
    kind = models.CharField(
        _("booth type"), max_length=10, choices=BoothKind.choices, default=BoothKind.SHELL
    )
    open_sides = models.CharField(
        _("open sides"), max_length=10, choices=OpenSides.choices, default=OpenSides.ROW
    )
    price_band = models.CharField(_("price band"), max_length=20, blank=True)
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("zone"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booths",
    )
    is_blocked = models.BooleanField(
        _("blocked"), default=False, help_text=_("Kept out of allocation: a pillar, a stage.")
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["hall", "code"]
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        constraints = [models.UniqueConstraint(fields=["hall", "code"], name="unique_booth_code")]

    def __str__(self) -> str:
        return f"{self.hall.code}-{self.code}"

    @property
    def area(self) -> Decimal:
        return self.width * self.depth

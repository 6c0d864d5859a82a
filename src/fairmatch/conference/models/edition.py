from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from fairmatch.core.models import is_chinese_active


class Edition(models.Model):
    """One edition of the conference; figures compare it with its previous edition."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("in preparation")
        OPEN = "open", _("open for applications")
        CLOSED = "closed", _("applications closed")
        FINISHED = "finished", _("finished")

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    venue_zh = models.CharField(_("venue (Chinese)"), max_length=200, blank=True)
    host_country = CountryField(
        _("host country"), default="CN", help_text=_("Enterprises from elsewhere are foreign.")
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="Asia/Shanghai")
    currency = models.CharField(_("reporting currency"), max_length=3, default="USD")
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous edition"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if is_chinese_active() and self.name_zh:
            return self.name_zh
        return self.name_en

    @property
    def venue_name(self) -> str:
        """The venue as the reader writes it (Chinese readers read the Chinese name)."""
        if is_chinese_active() and self.venue_zh:
            return self.venue_zh
        return self.venue

    @property
    def accepts_applications(self) -> bool:
        return self.status == self.Status.OPEN


class ExchangeRate(models.Model):
    """How many US dollars one unit of a currency is worth, fixed per edition for fairness."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="rates"
    )
    currency = models.CharField(_("currency"), max_length=3)
    usd_per_unit = models.DecimalField(
        _("USD per unit"),
        max_digits=20,
        decimal_places=10,
        validators=[MinValueValidator(Decimal("0.0000000001"))],
    )

    class Meta:
        ordering = ["currency"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["edition", "currency"], name="one_rate_per_currency")
        ]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.usd_per_unit} USD"

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from fairmatch.core.models import is_chinese_active


class Enterprise(models.Model):
    """A company that buys or provides services; it applies to editions through participations."""

    class Kind(models.TextChoices):
        BUYER = "buyer", _("buyer")
        PROVIDER = "provider", _("service provider")
        BOTH = "both", _("buyer and provider")

    class Size(models.TextChoices):
        MICRO = "micro", _("fewer than 10 employees")
        SMALL = "small", _("10 to 49 employees")
        MEDIUM = "medium", _("50 to 249 employees")
        LARGE = "large", _("250 to 999 employees")
        VERY_LARGE = "very_large", _("1,000 employees or more")

    name_original = models.CharField(
        _("name in the original language"), max_length=200, db_index=True
    )
    name_en = models.CharField(_("name in English"), max_length=200, db_index=True)
    country = CountryField(_("country"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    fields = models.ManyToManyField(
        "conference.Field", verbose_name=_("fields"), related_name="enterprises", blank=True
    )
    size = models.CharField(_("size"), max_length=12, choices=Size.choices, blank=True)
    certifications = models.JSONField(
        _("certifications"), default=list, blank=True, help_text=_("e.g. ISO 9001, CMMI 5")
    )
    languages = models.JSONField(
        _("working languages"), default=list, blank=True, help_text=_("ISO 639-1 codes")
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    description_language = models.CharField(_("language of the description"), max_length=10)
    duplicate_question_open = models.BooleanField(
        _("similar names to answer about"),
        default=False,
        help_text=_(
            "Set at sign-up when enterprises with a very similar name in the same country were "
            "registered; cleared when a member confirms this one is different. Applications "
            "wait until then."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if is_chinese_active() or self.name_original == self.name_en:
            return self.name_original
        return self.name_en

    @property
    def other_name(self) -> str:
        """The name not shown by ``display_name`` (the original or the English one), or ""
        when the enterprise has one name only: shown beside it, never the same name twice."""
        shown = self.display_name
        other = self.name_en if shown == self.name_original else self.name_original
        return "" if not other.strip() or other == shown else other

    @property
    def is_buyer(self) -> bool:
        return self.kind in (self.Kind.BUYER, self.Kind.BOTH)

    @property
    def is_provider(self) -> bool:
        return self.kind in (self.Kind.PROVIDER, self.Kind.BOTH)

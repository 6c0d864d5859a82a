"""Journalists' accreditation: they register, the organiser approves, a badge follows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class PressState(models.TextChoices):
    PENDING = "pending", _("waiting for approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class PressAccreditation(models.Model):
    """One journalist's request to cover an edition."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="press_accreditations",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    outlet = models.CharField(_("media outlet"), max_length=200)
    country = CountryField(_("country"))
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=PressState.choices, default=PressState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("press accreditation")
        verbose_name_plural = _("press accreditations")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "email"], name="one_accreditation_per_address"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.outlet})"

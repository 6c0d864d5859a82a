"""Leads an exhibitor captures by scanning visitors' badges at its booth."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Lead(models.Model):
    """A visitor met at the booth: whose badge, a note, and whether to follow up."""

    exhibitor = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("exhibitor"),
        on_delete=models.CASCADE,
        related_name="leads",
    )
    badge = models.ForeignKey(
        "onsite.Badge", verbose_name=_("badge"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    follow_up = models.BooleanField(_("follow up"), default=False)
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("captured by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    captured_at = models.DateTimeField(_("captured"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-captured_at", "-pk"]
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        constraints = [
            models.UniqueConstraint(fields=["exhibitor", "badge"], name="one_lead_per_visitor")
        ]

    def __str__(self) -> str:
        return f"{self.exhibitor_id}: {self.badge_id}"

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HomeVisit(models.Model):
    """When a person last opened their home page of an edition: what changed since is
    listed there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="home_visits",
    )
    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    seen_at = models.DateTimeField(_("last visit"))

    class Meta:
        verbose_name = _("home page visit")
        verbose_name_plural = _("home page visits")
        constraints = [
            models.UniqueConstraint(fields=["user", "edition"], name="one_home_visit_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.edition}: {self.seen_at:%Y-%m-%d %H:%M}"

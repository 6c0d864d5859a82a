from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PressSnapshot(models.Model):
    """The press figures frozen before a press conference: quoted numbers stay fixed while
    live figures move. Kept for good; each is downloadable as a bilingual fact sheet."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="press_snapshots",
    )
    taken_at = models.DateTimeField(_("taken at"), auto_now_add=True, db_index=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    title = models.CharField(_("occasion"), max_length=200, blank=True)
    figures = models.JSONField(_("figures"))

    class Meta:
        ordering = ["-taken_at", "-pk"]
        verbose_name = _("press snapshot")
        verbose_name_plural = _("press snapshots")

    def __str__(self) -> str:
        return f"{self.edition} {self.taken_at:%Y-%m-%d %H:%M}"

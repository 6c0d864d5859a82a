from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardActionKind(models.TextChoices):
    CANCEL = "cancel", _("meeting cancelled")
    UNPLACE = "unplace", _("meeting taken off the grid")
    ABSENT = "absent", _("participant marked absent")


class BoardAction(models.Model):
    """A destructive change made on the schedule board, with what it takes to undo it.

    ``restore`` holds, per meeting it touched, the columns as they were before
    (``state``, ``slot``, ``table``, ``locked``, ``manual``, ``unplaced_reason``) and the
    version the change left (``version_after``): the undo is refused for a meeting changed
    since. An action can be undone until the next release is published.
    """

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="board_actions",
    )
    kind = models.CharField(_("change"), max_length=10, choices=BoardActionKind.choices)
    label = models.CharField(_("what was changed"), max_length=300)
    restore = models.JSONField(_("what to restore"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("changed"), auto_now_add=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("board action")
        verbose_name_plural = _("board actions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class ScheduleRun(models.Model):
    """One solver run on the edition's accepted meetings, kept for comparison."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="schedule_runs",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=60)
    fairness = models.PositiveSmallIntegerField(_("largest difference in breaks"), default=2)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    inputs = models.JSONField(_("inputs"), default=dict)
    progress = models.JSONField(_("progress"), default=dict)
    solver_status = models.CharField(_("solver status"), max_length=12, blank=True)
    meetings = models.PositiveIntegerField(_("meetings"), default=0)
    placed = models.PositiveIntegerField(_("placed"), default=0)
    placeable_upper_bound = models.PositiveIntegerField(_("placeable (proven bound)"), default=0)
    breaks = models.PositiveIntegerField(_("breaks"), null=True, blank=True)
    breaks_lower_bound = models.PositiveIntegerField(_("breaks (proven bound)"), default=0)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    assignments = models.JSONField(
        _("assignments"), default=dict, help_text=_("meeting id -> [slot id, table id] or reason")
    )
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    error = models.TextField(_("error"), blank=True)
    applied_at = models.DateTimeField(_("applied to the schedule"), null=True, blank=True)
    reference_release = models.ForeignKey(
        "scheduling.Release",
        verbose_name=_("release it stays close to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moved = models.JSONField(
        _("moved against the release"),
        default=dict,
        help_text=_("meeting ids and participation ids whose meetings the run moves"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("solver run")
        verbose_name_plural = _("solver runs")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def is_active(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)

"""Imports from spreadsheets: the uploaded file, its preview and commit, and external ids."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    """What one file holds."""

    ENTERPRISES = "enterprises", _("enterprises and their applications")
    DELEGATES = "delegates", _("delegates")
    DEMANDS = "demands", _("demands (buyers)")
    CAPABILITIES = "capabilities", _("capabilities (providers)")
    RATES = "rates", _("exchange rates")
    BOOTHS = "booths", _("booth list (exhibition floor plan)")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    PREVIEWING = "previewing", _("checking")
    PREVIEWED = "previewed", _("checked")
    COMMITTING = "committing", _("importing")
    COMMITTED = "committed", _("imported")
    FAILED = "failed", _("failed")


class ImportJob(models.Model):
    """One uploaded file: checked first (the preview), then imported whole or not at all."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="import_jobs",
    )
    kind = models.CharField(_("contents"), max_length=20, choices=ImportKind.choices)
    filename = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("uploaded file"), editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    # What the preview found: {"columns": [...], "issues": [...], "rows": [...], "counts": {...}}
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    summary = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_kind_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in (
            ImportStatus.QUEUED,
            ImportStatus.PREVIEWING,
            ImportStatus.COMMITTING,
        )

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def error_count(self) -> int:
        return int(self.preview.get("counts", {}).get("error", 0))

    @property
    def warning_count(self) -> int:
        return int(self.preview.get("counts", {}).get("warning", 0))

    @property
    def can_commit(self) -> bool:
        return self.status == ImportStatus.PREVIEWED and self.error_count == 0 and self.total > 0


class ExternalId(models.Model):
    """The id another system gives a record, so that importing the same file again updates
    the record instead of adding another. Unique per edition and kind of record."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("record"), max_length=20, choices=ImportKind.choices)
    external_id = models.CharField(_("external id"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("record id"))

    class Meta:
        verbose_name = _("external id")
        verbose_name_plural = _("external ids")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "kind", "external_id"], name="one_external_id_per_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.external_id}"

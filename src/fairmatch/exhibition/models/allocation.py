"""Booth allocation: solver runs, the working plan, and published plan releases."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairmatch.core.models import BilingualName, is_chinese_active
from fairmatch.exhibition.models.applications import ExhibitorApplication
from fairmatch.exhibition.models.plan import METRES, Booth


class AllocationStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class AllocationRun(models.Model):
    """One run of the booth allocator on the edition's confirmed exhibitors."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="allocation_runs",
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
        _("status"),
        max_length=10,
        choices=AllocationStatus.choices,
        default=AllocationStatus.QUEUED,
    )
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=60)
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    progress = models.JSONField(_("progress"), default=dict, blank=True)
    solver_status = models.CharField(_("solver status"), max_length=12, blank=True)
    objective = models.FloatField(_("objective"), null=True, blank=True)
    bound = models.FloatField(_("proven bound"), null=True, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    result = models.JSONField(
        _("result"),
        default=dict,
        blank=True,
        help_text=_("Booth per exhibitor, the wishes met and unmet, and conflicts found."),
    )
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    error = models.TextField(_("error"), blank=True)
    applied_at = models.DateTimeField(_("applied to the plan"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")

    def __str__(self) -> str:
        return f"{self.edition} #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status in (AllocationStatus.QUEUED, AllocationStatus.RUNNING)


class BoothAssignment(models.Model):
    """The working plan: which exhibitor has which booth. Published through a plan release."""

    booth = models.OneToOneField(
        Booth, verbose_name=_("booth"), on_delete=models.CASCADE, related_name="assignment"
    )
    application = models.OneToOneField(
        ExhibitorApplication,
        verbose_name=_("exhibitor"),
        on_delete=models.CASCADE,
        related_name="assignment",
    )
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("Allocation runs keep a locked booth as it is.")
    )
    run = models.ForeignKey(
        AllocationRun,
        verbose_name=_("from run"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["booth"]
        verbose_name = _("booth assignment")
        verbose_name_plural = _("booth assignments")

    def __str__(self) -> str:
        return f"{self.booth}: {self.application}"


class PlanRelease(models.Model):
    """A published floor plan, frozen: what exhibitors and visitors see until the next one."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="plan_releases",
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.TextField(_("note to the exhibitors"), max_length=500, blank=True)

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = _("floor plan release")
        verbose_name_plural = _("floor plan releases")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_plan_release_number")
        ]

    def __str__(self) -> str:
        return f"{self.edition} plan {self.number}"


class PlanReleaseHall(BilingualName):
    """A hall as a release froze it: its names, outline and entrances."""

    release = models.ForeignKey(
        PlanRelease, verbose_name=_("release"), on_delete=models.CASCADE, related_name="halls"
    )
    code = models.SlugField(_("code"), max_length=20)
    width = models.DecimalField(_("width (m)"), **METRES)
    depth = models.DecimalField(_("depth (m)"), **METRES)
    entrances = models.JSONField(_("entrances"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("published hall")
        verbose_name_plural = _("published halls")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "code"], name="unique_plan_release_hall_code"
            )
        ]


class PublishedState(models.TextChoices):
    """A booth's state as a release published it (``offered`` exists only before)."""

    FREE = "free", _("free")
    TAKEN = "taken", _("taken")
    BLOCKED = "blocked", _("blocked")


class PlanReleaseEntry(models.Model):
    """One booth of the plan as a release published it, taken, free or blocked.

    With the release's halls, the release's only frozen record: the published plan, the
    directory, the API and the mail read these rows, never the working plan.
    """

    release = models.ForeignKey(
        PlanRelease, verbose_name=_("release"), on_delete=models.CASCADE, related_name="entries"
    )
    hall = models.ForeignKey(
        PlanReleaseHall,
        verbose_name=_("hall"),
        on_delete=models.CASCADE,
        null=True,
        related_name="entries",
    )
    booth = models.ForeignKey(
        Booth, verbose_name=_("booth"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    participation = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("exhibitor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PublishedState.choices, default=PublishedState.FREE
    )
    hall_code = models.CharField(_("hall"), max_length=20)
    booth_code = models.CharField(_("booth number"), max_length=20)
    geometry = models.JSONField(_("geometry"), help_text=_("[x, y, width, depth] in metres"))
    zone_en = models.CharField(_("zone (English)"), max_length=200, blank=True)
    zone_zh = models.CharField(_("zone (Chinese)"), max_length=200, blank=True)

    class Meta:
        ordering = ["hall_code", "booth_code"]
        verbose_name = _("published booth")
        verbose_name_plural = _("published booths")

    def __str__(self) -> str:
        return f"{self.hall_code}-{self.booth_code}"

    @property
    def zone_name(self) -> str:
        """The zone's name in the reader's language (empty outside any zone)."""
        if is_chinese_active() and self.zone_zh:
            return self.zone_zh
        return self.zone_en

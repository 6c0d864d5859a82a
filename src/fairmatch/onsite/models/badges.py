"""Badges, check-ins and the jobs that print every badge of an edition."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BadgeRole(models.TextChoices):
    """The role a badge shows, by its colour."""

    BUYER = "buyer", _("buyer")
    PROVIDER = "provider", _("service provider")
    EXHIBITOR = "exhibitor", _("exhibitor")
    PRESS = "press", _("press")


class Badge(models.Model):
    """One person's badge for one edition: a delegate's, or an accredited journalist's.

    The QR code holds a signed token naming the edition, the code and the revision; the
    printed code is random (never an id). Reprinting a lost badge raises the revision, so the
    old badge's token no longer checks in. Written through ``fairmatch.onsite.domain.badges``.
    """

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="badges",
    )
    delegate = models.OneToOneField(
        "enterprises.Delegate",
        verbose_name=_("delegate"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="badge",
    )
    press = models.OneToOneField(
        "onsite.PressAccreditation",
        verbose_name=_("press accreditation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="badge",
    )
    code = models.CharField(_("code"), max_length=12)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    role = models.CharField(_("role"), max_length=10, choices=BadgeRole.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation_original = models.CharField(_("organisation"), max_length=200)
    organisation_en = models.CharField(_("organisation (English)"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="one_badge_per_code"),
            models.CheckConstraint(
                condition=models.Q(delegate__isnull=True) ^ models.Q(press__isnull=True),
                name="badge_of_a_delegate_or_a_journalist",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def participation_id(self) -> int | None:
        return self.delegate.participation_id if self.delegate_id else None


class CheckInMethod(models.TextChoices):
    SCAN = "scan", _("QR code scanned")
    CODE = "code", _("code typed")
    SEARCH = "search", _("found by name")
    WALK_IN = "walk_in", _("badge printed on the spot")


class CheckIn(models.Model):
    """A badge's arrival: at most one per badge (the unique key keeps it so under races)."""

    badge = models.OneToOneField(
        Badge, verbose_name=_("badge"), on_delete=models.CASCADE, related_name="check_in"
    )
    at = models.DateTimeField(_("checked in at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    method = models.CharField(_("how"), max_length=10, choices=CheckInMethod.choices)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.badge} @ {self.at:%H:%M}"


class BadgeLayout(models.TextChoices):
    SHEET = "sheet", _("A4 sheets, ten badges each (office printers)")
    CARD = "card", _("one badge per page (badge printers)")


class PrintStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("printing")
    FINISHED = "finished", _("ready")
    FAILED = "failed", _("failed")


class BadgePrint(models.Model):
    """A background job printing every badge of an edition into one PDF."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="badge_prints",
    )
    layout = models.CharField(_("layout"), max_length=10, choices=BadgeLayout.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=PrintStatus.choices, default=PrintStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("badges"), default=0)
    done = models.PositiveIntegerField(_("badges printed"), default=0)
    pdf = models.FileField(_("PDF"), upload_to="badges/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("badge printing")
        verbose_name_plural = _("badge printings")

    def __str__(self) -> str:
        return f"{self.edition} {self.layout} {self.status}"

    @property
    def is_active(self) -> bool:
        return self.status in (PrintStatus.QUEUED, PrintStatus.RUNNING)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

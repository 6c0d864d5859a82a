from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Release(models.Model):
    """A published, named version of the schedule; what delegates see and subscribe to."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="releases",
    )
    number = models.PositiveIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    snapshot = models.JSONField(_("meetings"), help_text=_("meeting id -> placement, frozen"))
    changes = models.JSONField(_("changes against the previous release"), default=dict)

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = _("schedule release")
        verbose_name_plural = _("schedule releases")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_release_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.name}"


class ReleaseEntry(models.Model):
    """One meeting as a release placed it; agendas read these, a participant's rows only."""

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="entries"
    )
    meeting = models.ForeignKey(
        "scheduling.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    first = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("first participant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    second = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("second participant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    table_number = models.PositiveSmallIntegerField(_("table"), null=True)

    class Meta:
        ordering = ["starts_at", "table_number"]
        verbose_name = _("released meeting")
        verbose_name_plural = _("released meetings")
        indexes = [
            models.Index(fields=["release", "first"]),
            models.Index(fields=["release", "second"]),
        ]

    def __str__(self) -> str:
        return f"{self.release}: {self.meeting_id}"


class CalendarFeed(models.Model):
    """The secret address of a delegate's calendar feed."""

    delegate = models.OneToOneField(
        "enterprises.Delegate",
        verbose_name=_("delegate"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.delegate)

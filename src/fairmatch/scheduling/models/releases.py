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
    # The name and the audit trail are the organiser's own; delegates read the public note.
    name = models.CharField(_("name"), max_length=100)
    public_note = models.TextField(
        _("note to the delegates"),
        max_length=500,
        blank=True,
        help_text=_("Shown to the delegates with their agenda; the release's name is not."),
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
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
    """One meeting as a release placed it: the release's only frozen record.

    Agendas (page, PDF, calendar feed), the diff against the next release, the release
    mail and the organiser's print-out read these rows alone, never the working schedule,
    so a change made after publication shows nowhere until the next release. The foreign
    keys say whose agenda a row belongs to and keep the meeting's calendar id stable;
    everything shown is copied here when the release is published.
    """

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
    table_zone = models.CharField(_("zone"), max_length=60, blank=True)
    first_name_original = models.CharField(
        _("first participant's name in the original language"), max_length=200, blank=True
    )
    first_name_en = models.CharField(
        _("first participant's name in English"), max_length=200, blank=True
    )
    second_name_original = models.CharField(
        _("second participant's name in the original language"), max_length=200, blank=True
    )
    second_name_en = models.CharField(
        _("second participant's name in English"), max_length=200, blank=True
    )
    demand_field_en = models.CharField(
        _("field of the demand (English)"), max_length=200, blank=True
    )
    demand_field_zh = models.CharField(
        _("field of the demand (Chinese)"), max_length=200, blank=True
    )
    demand_description = models.TextField(_("the demand, as shown"), blank=True)
    interpreter_language = models.CharField(_("interpreter language"), max_length=10, blank=True)
    # A meeting at an exhibitor's booth: the hall's names and the booth number, as frozen.
    booth_hall_en = models.CharField(_("hall (English)"), max_length=200, blank=True)
    booth_hall_zh = models.CharField(_("hall (Chinese)"), max_length=200, blank=True)
    booth_code = models.CharField(_("booth number"), max_length=20, blank=True)

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

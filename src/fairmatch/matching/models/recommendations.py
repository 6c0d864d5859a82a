from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Recommendation(models.Model):
    """A counterpart recommended to a participant, with the score's parts and reasons."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    participation = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("for"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    counterpart = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("counterpart"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    rank = models.PositiveSmallIntegerField(pgettext_lazy("position in a ranked list", "rank"))
    score = models.FloatField(_("score"))
    components = models.JSONField(_("score components"), default=dict)
    reasons = models.JSONField(_("reasons"), default=list)

    class Meta:
        ordering = ["participation", "rank"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "counterpart"], name="one_recommendation_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participation} -> {self.counterpart} ({self.score:.2f})"


class SuggestionRun(models.Model):
    """One computation of fair suggested meetings for a whole edition."""

    edition = models.ForeignKey(
        "conference.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="suggestion_runs",
    )
    created_at = models.DateTimeField(_("computed"), auto_now_add=True)
    minimum_per_provider = models.PositiveSmallIntegerField(_("minimum per provider"))
    objective = models.FloatField(_("total score"))
    before_objective = models.FloatField(_("total score of plain recommendations"))
    providers_below_minimum = models.PositiveIntegerField(_("providers below the minimum"))
    distributions = models.JSONField(_("suggestions per participant, before and after"))
    status = models.CharField(_("solver status"), max_length=20)
    seconds = models.FloatField(_("seconds"))

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        verbose_name = _("suggestion run")
        verbose_name_plural = _("suggestion runs")

    def __str__(self) -> str:
        return f"{self.edition} {self.created_at:%Y-%m-%d %H:%M}"


class Suggestion(models.Model):
    """A meeting the organiser suggests to a buyer and a provider."""

    run = models.ForeignKey(
        SuggestionRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="suggestions"
    )
    buyer = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("buyer"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    provider = models.ForeignKey(
        "enterprises.Participation",
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    score = models.FloatField(_("score"))
    components = models.JSONField(_("score components"), default=dict)

    class Meta:
        ordering = ["-score"]
        verbose_name = _("suggested meeting")
        verbose_name_plural = _("suggested meetings")

    def __str__(self) -> str:
        return f"{self.buyer} - {self.provider}"

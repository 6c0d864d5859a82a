"""Stored sentence embeddings: one vector per description, with the model that made it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TextEmbedding(models.Model):
    """The vector of one description (a demand's, a capability's or an enterprise profile's).

    Computed in the background when the text is saved; ``text_hash`` and ``model`` tell
    whether it still matches the text and the model in use (otherwise it is recomputed).
    """

    demand = models.OneToOneField(
        "enterprises.Demand",
        verbose_name=_("demand"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="embedding",
    )
    capability = models.OneToOneField(
        "enterprises.Capability",
        verbose_name=_("capability"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="embedding",
    )
    enterprise = models.OneToOneField(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="embedding",
    )
    text_hash = models.CharField(_("text hash"), max_length=64)
    model = models.CharField(_("model"), max_length=200)
    dimension = models.PositiveSmallIntegerField(_("dimension"))
    vector = models.BinaryField(_("vector"))  # float32, little-endian
    updated_at = models.DateTimeField(_("computed"), auto_now=True)

    class Meta:
        verbose_name = _("text embedding")
        verbose_name_plural = _("text embeddings")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(demand__isnull=False, capability__isnull=True, enterprise__isnull=True)
                    | Q(demand__isnull=True, capability__isnull=False, enterprise__isnull=True)
                    | Q(demand__isnull=True, capability__isnull=True, enterprise__isnull=False)
                ),
                name="text_embedding_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.text_hash[:12]}"

"""Catalogues the organiser configures once and every edition shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fairmatch.core.models import BilingualName


class Field(BilingualName):
    """A business field: cartoon and animation, software, pharmaceutical R&D ..."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class CooperationKind(BilingualName):
    """What a negotiation is about: outsourcing purchase, investment, overseas markets."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("cooperation kind")
        verbose_name_plural = _("cooperation kinds")


class Rank(BilingualName):
    """A step on the seniority ladder of delegates; a higher level is more senior."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), unique=True)

    class Meta:
        ordering = ["level"]
        verbose_name = pgettext_lazy("seniority of a delegate", "rank")
        verbose_name_plural = _("ranks")

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def is_chinese_active() -> bool:
    return (get_language() or "en").lower().startswith("zh")


class BilingualName(models.Model):
    """Organiser-configured names (fields, ranks, kinds) in English and Simplified Chinese."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if is_chinese_active() and self.name_zh:
            return self.name_zh
        return self.name_en

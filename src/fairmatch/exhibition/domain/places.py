"""A booth named for the reader, wherever it is shown (agendas, My exhibition, the plan's mail)."""

from django.utils.translation import gettext

from fairmatch.core.models import is_chinese_active


def booth_label(hall_en: str, hall_zh: str, booth: str) -> str:
    """'Hall 1, booth A12' (一号馆 A12 展位): a booth in its hall, in the reader's language."""
    hall = hall_zh if is_chinese_active() and hall_zh else hall_en
    return gettext("%(hall)s, booth %(booth)s") % {"hall": hall, "booth": booth}

"""The CJK font badges are printed with, embedded in the PDF (subset by reportlab).

Noto Sans SC ships as a variable font (justmytype-intl-cjk); reportlab needs a static one,
so the regular weight is instantiated once with fontTools and cached under the var folder.
Kept in one small function so a shared embedded-font module can replace it.
"""

import os
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "FairmatchNotoSansSC"
_lock = threading.Lock()


def _variable_font() -> Path:
    import justmytype_intl_cjk

    base = Path(justmytype_intl_cjk.__file__).parent
    return base / "fonts" / "ofl" / "notosanssc" / "NotoSansSC[wght].ttf"


def _static_font() -> Path:
    """The regular (wght 400) instance, made on first use and kept."""
    cached = Path(settings.VAR_DIR) / "fonts" / "NotoSansSC-Regular.ttf"
    if cached.exists():
        return cached
    from fontTools.ttLib import TTFont as FontToolsFont
    from fontTools.varLib import instancer

    cached.parent.mkdir(parents=True, exist_ok=True)
    font = instancer.instantiateVariableFont(FontToolsFont(_variable_font()), {"wght": 400})
    # Written beside and renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=cached.parent, suffix=".ttf")
    os.close(handle)
    font.save(temporary)
    os.chmod(temporary, 0o644)
    os.replace(temporary, cached)
    return cached


def cjk_font() -> str:
    """The registered font's name (registered once per process)."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(_static_font())))
    return FONT_NAME

"""The CJK font the fact sheet embeds, behind one small function (easy to swap for a shared
font module): Noto Sans SC from the ``justmytype-intl-cjk`` package.

The package ships a variable font; reportlab embeds static TrueType only, so the regular
weight (wght=400) is instantiated with fontTools once (it takes a while) and cached.
"""

import os
import tempfile
from functools import cache
from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "NotoSansSC"
CACHED_NAME = "NotoSansSC-wght400.ttf"


def _variable_font() -> Path:
    import justmytype_intl_cjk

    return (
        Path(justmytype_intl_cjk.__file__).parent
        / "fonts"
        / "ofl"
        / "notosanssc"
        / "NotoSansSC[wght].ttf"
    )


def font_cache_dir() -> Path:
    """``FAIRMATCH_FONT_CACHE`` if set, else the user's cache folder (kept across runs)."""
    configured = getattr(settings, "FAIRMATCH_FONT_CACHE", "") or os.environ.get(
        "FAIRMATCH_FONT_CACHE", ""
    )
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fairmatch" / "fonts"


def static_font_file() -> Path:
    """The regular weight as a static TrueType file, instantiated once and cached."""
    target = font_cache_dir() / CACHED_NAME
    if target.exists():
        return target
    from fontTools.ttLib import TTFont as FontToolsFont
    from fontTools.varLib import instancer

    target.parent.mkdir(parents=True, exist_ok=True)
    regular = instancer.instantiateVariableFont(FontToolsFont(_variable_font()), {"wght": 400})
    # Written aside and renamed: a concurrent process never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".ttf")
    os.close(handle)
    regular.save(temporary)
    os.replace(temporary, target)
    return target


@cache
def cjk_font() -> str:
    """Register the font with reportlab (once per process) and return its name."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(static_font_file())))
    return FONT_NAME

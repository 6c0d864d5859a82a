"""Fonts for every PDF the project prints: embedded, and covering Latin, Chinese, kana and hangul.

The Noto Sans CJK faces ship as variable fonts in the ``justmytype-intl-cjk`` package
(NotoSansSC, JP, KR, TC ``[wght].ttf``). reportlab embeds TrueType fonts but not variable
ones, so each face needed is instanced once at a fixed weight with fontTools and kept in a
cache folder (``FAIRMATCH_FONT_CACHE``, default ``<var>/cache/fonts``); a file lock lets
several workers share the cache without building a face twice. reportlab then embeds only
the glyphs a document uses (a subset per document).

The reader's language picks the primary face, so that a character shared by Chinese,
Japanese and Korean takes the shapes its reader expects (JP for ja, KR for ko, SC
otherwise). Characters the primary face lacks (hangul in a Chinese PDF, say) are printed
in the first face that has them: ``font_markup`` wraps such runs in ``<font name=...>``.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings

REGULAR = 400
# Part of the cached file's name: raise it when the way an instance is built changes.
_INSTANCE_FORMAT = 2


@dataclass(frozen=True)
class Face:
    key: str  # reportlab's font name is "Fairmatch" + key
    family_dir: str
    file_name: str

    @property
    def source(self) -> Path:
        return Path(str(files("justmytype_intl_cjk") / "fonts" / "ofl" / self.family_dir)) / (
            self.file_name
        )

    @property
    def font_name(self) -> str:
        return f"Fairmatch{self.key}"


FACES = {
    "SC": Face("SC", "notosanssc", "NotoSansSC[wght].ttf"),
    "JP": Face("JP", "notosansjp", "NotoSansJP[wght].ttf"),
    "KR": Face("KR", "notosanskr", "NotoSansKR[wght].ttf"),
    "TC": Face("TC", "notosanstc", "NotoSansTC[wght].ttf"),
}
# The face a reader of each interface language expects for shared (Han) characters.
_PRIMARY = {"ja": "JP", "ko": "KR", "zh-hant": "TC"}
_FALLBACK_ORDER = ("SC", "KR", "JP", "TC")

_register_lock = threading.Lock()


def primary_face(language: str | None) -> Face:
    """The face for a reader of ``language`` (an interface language code)."""
    code = (language or "en").lower().replace("_", "-")
    for prefix, key in _PRIMARY.items():
        if code == prefix or code.startswith(prefix + "-"):
            return FACES[key]
    return FACES["SC"]


def cache_dir() -> Path:
    configured = getattr(settings, "FAIRMATCH_FONT_CACHE", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "cache" / "fonts"


@cache
def coverage(key: str) -> frozenset[int]:
    """The code points a face has (read from the variable font's character map)."""
    from fontTools.ttLib import TTFont

    font = TTFont(FACES[key].source, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def static_instance(face: Face, *, weight: int = REGULAR) -> Path:
    """The face at ``weight`` as a static TrueType file, built once and cached on disk."""
    source = face.source
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # Size in the name: a new release of the font package gets a new instance.
    stem = source.stem.replace("[wght]", "")
    target = folder / f"{stem}-{weight}-{source.stat().st_size}-v{_INSTANCE_FORMAT}.ttf"
    if target.is_file():
        return target
    with (folder / f".{target.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be building the same face
        try:
            if not target.is_file():
                _build_instance(source, target, weight)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return target


def _build_instance(source: Path, target: Path, weight: int) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    # The names follow the weight (from the STAT table): "Noto Sans JP Regular", not "Thin".
    font = instancer.instantiateVariableFont(TTFont(source), {"wght": weight}, updateFontNames=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(handle)
    try:
        font.save(partial)
        os.replace(partial, target)  # readers never see a half-written file
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def register(face: Face) -> str:
    """Register the face with reportlab (once per process); returns its font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _register_lock:
        if face.font_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face.font_name, str(static_instance(face))))
    return face.font_name


def _face_for(character: str, current: str, primary: str) -> str:
    code = ord(character)
    if code in coverage(primary):
        return primary
    if code in coverage(current):
        return current
    for key in _FALLBACK_ORDER:
        if code in coverage(key):
            return key
    return current  # no face has it (an emoji): the primary face prints its blank glyph


def runs(text: str, *, language: str | None) -> list[tuple[str, str]]:
    """``text`` cut into (face key, run) pieces, each printable in its face."""
    primary = primary_face(language).key
    pieces: list[tuple[str, str]] = []
    current = primary
    for character in text:
        key = _face_for(character, current, primary) if not character.isspace() else current
        if pieces and pieces[-1][0] == key:
            pieces[-1] = (key, pieces[-1][1] + character)
        else:
            pieces.append((key, character))
        current = key
    return pieces


def font_markup(text: str, *, language: str | None) -> str:
    """``text`` escaped for a reportlab paragraph, runs the primary face lacks in another face.

    Returns markup in which only ``<font name>`` tags (and nothing of ``text``) are tags.
    """
    primary = primary_face(language).key
    register(FACES[primary])
    parts = []
    for key, piece in runs(text, language=language):
        if key == primary:
            parts.append(escape(piece))
        else:
            parts.append(f'<font name="{register(FACES[key])}">{escape(piece)}</font>')
    return "".join(parts)


def base_font(language: str | None) -> str:
    """The registered primary font name for a reader of ``language``."""
    return register(primary_face(language))


def string_width(text: str, *, size: float, language: str | None = None) -> float:
    """The width of ``text`` drawn by ``draw_string`` (each run in its face)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(
        stringWidth(piece, register(FACES[key]), size)
        for key, piece in runs(text, language=language)
    )


def draw_string(
    canvas: Any, x: float, y: float, text: str, *, size: float, language: str | None = None
) -> None:
    """``text`` on a reportlab canvas at (x, y), each run in a face that has its characters
    (a Korean name on a Chinese badge, kana beside Han)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for key, piece in runs(text, language=language):
        font = register(FACES[key])
        canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, font, size)

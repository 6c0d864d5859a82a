"""``fairmatch pdf_fonts``: build the PDF fonts' static instances before the first PDF."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from fairmatch.core.interfaces.pdf_fonts import FACES, cache_dir, static_instance


class Command(BaseCommand):
    help = (
        "Build the static Noto Sans SC/JP/KR instances the PDFs embed (once, into the font "
        "cache), so that the first agenda PDF after a deployment does not wait for them."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"font cache: {cache_dir()}")
        for key in ("SC", "JP", "KR"):
            started = time.monotonic()
            path = static_instance(FACES[key])
            self.stdout.write(f"{key}: {path.name} ({time.monotonic() - started:.1f} s)")

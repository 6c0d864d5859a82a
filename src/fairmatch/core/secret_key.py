"""The installation's own secret key, made once and kept in a file only its owner can read.

Imported by the settings module, before Django is set up.
"""

import contextlib
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def read_or_create_secret_key(path: Path) -> str:
    """Return the key stored at ``path``, creating it (random, mode 0600) on first use.

    Several processes may start together (web workers, task workers): the key is written to
    a private temporary file and linked into place, so every process reads the same complete
    key and none overwrites another's.
    """
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    candidate = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(64) + "\n")
        # If another process made it first, its key is the one every process uses.
        with contextlib.suppress(FileExistsError):
            os.link(candidate, path)
    finally:
        candidate.unlink()
    return _read(path)


def _read(path: Path) -> str:
    key = path.read_text().strip()
    if not key:
        raise ImproperlyConfigured(f"The secret key file {path} is empty: delete it or fill it.")
    return key

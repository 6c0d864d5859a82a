"""Uploads refused early: a request announcing more than the limit is answered before its
body is read, and an upload handler stops one that sends more than it announced."""

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_upload_bytes() -> int:
    return int(getattr(settings, "FAIRMATCH_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def announced_too_large(request: HttpRequest) -> bool:
    """The request's Content-Length is over the limit (the body is not read)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > max_upload_bytes() + 64 * 1024  # room for the form's other fields


class LimitedUploadHandler(FileUploadHandler):
    """Counts the bytes of uploaded files and stops the upload past the limit."""

    def __init__(self, request: Any = None, limit: int | None = None) -> None:
        super().__init__(request)
        self.limit = limit if limit is not None else max_upload_bytes()
        self.received = 0
        self.stopped = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.stopped = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

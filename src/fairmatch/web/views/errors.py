"""The site's own error pages: in the reader's language, with a way back.

The 500 page is rendered without a request context (whatever failed may be what a context
needs), so it stands alone; the 404 page has the whole site around it.
"""

from pathlib import Path

from django.http import HttpRequest, HttpResponse

_FAVICON = (
    Path(__file__).resolve().parents[1] / "static" / "fairmatch" / "favicon.svg"
).read_bytes()


def favicon(request: HttpRequest) -> HttpResponse:
    """Programs that ask for /favicon.ico without reading the page's icon link get the icon."""
    response = HttpResponse(_FAVICON, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response

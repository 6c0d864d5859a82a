"""Private strings that must not appear in an answer to someone who may not read them.

Each enterprise's attending delegate has an e-mail address and a phone number (its
contacts) and a calendar address (its key). A member reads its own enterprise's, and the
contacts of a counterpart it has an accepted meeting with (A and B met); whoever holds a
key in the URL (a calendar or confirmation address) reads what it opens. Organisers read
everything and are not checked.
"""

from io import BytesIO

from django.http import HttpResponse
from pypdf import PdfReader

from tests.permissions.world import ANONYMOUS, BUYER, EXHIBITOR, NO_ENTERPRISE, PROVIDER, World

_OWN = {BUYER: "A", PROVIDER: "B", EXHIBITOR: "E"}
_MET = {BUYER: "B", PROVIDER: "A"}
_TEXT = ("text/", "application/json")


def _text(response: HttpResponse) -> str:
    """The answer's text: the page, the feed, the JSON, or the words of a PDF."""
    kind = response.get("Content-Type", "")
    if getattr(response, "streaming", False):
        return ""
    if kind.startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    if kind.startswith(_TEXT):
        return response.content.decode(response.charset or "utf-8", errors="replace")
    return ""


def leaks(world: World, role: str, url: str, response: HttpResponse) -> list[str]:
    """The private strings of others that the response shows to the role."""
    if role not in (ANONYMOUS, NO_ENTERPRISE, *_OWN):
        return []
    content = _text(response)
    found = []
    for letter, party in world.parties.items():
        if letter == _OWN.get(role) or any(key in url for key in party.keys):
            continue
        private = {"calendar key": party.feed_token}
        if letter != _MET.get(role):
            private |= party.contacts()
        found += [f"{letter}'s {what}" for what, text in private.items() if text in content]
    return found

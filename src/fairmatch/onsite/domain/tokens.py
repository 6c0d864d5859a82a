"""What a badge's QR code holds: a signed token bound to the edition, never a bare id.

The token is ``signing.dumps([edition id, code, revision])`` with a salt of its own: a
forged or altered token fails its signature, one of another edition names another edition,
and one of a replaced badge carries an older revision. The printed code (random, eight
characters of an alphabet without look-alike letters) is what staff type by hand; it is
looked up in the edition of the page, so another edition's code is never found.
"""

import secrets
from dataclasses import dataclass

from django.core import signing

SALT = "fairmatch.onsite.badge"
# Crockford's base 32 without I, L, O, U: nothing to confuse when typed from a badge.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8


def new_code() -> str:
    """A random badge code (40 bits): not guessable, short enough to type."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """The code as typed (spaces, dashes, lower case, O for 0) in its canonical form."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def display_code(code: str) -> str:
    """The code as printed: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def sign(*, edition_id: int, code: str, revision: int) -> str:
    return signing.dumps([edition_id, code, revision], salt=SALT, compress=False)


@dataclass(frozen=True)
class TokenContent:
    edition_id: int
    code: str
    revision: int


class BadToken(Exception):
    """The text is not a token this site signed."""


def looks_signed(text: str) -> bool:
    return text.count(":") == 2


def unsign(text: str) -> TokenContent:
    """The token's content; ``BadToken`` when its signature or shape is wrong."""
    try:
        content = signing.loads(text.strip(), salt=SALT)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    if (
        not isinstance(content, list)
        or len(content) != 3
        or not isinstance(content[0], int)
        or not isinstance(content[1], str)
        or not isinstance(content[2], int)
    ):
        raise BadToken("unexpected content")
    return TokenContent(edition_id=content[0], code=content[1], revision=content[2])

"""Reading the links that account mails carry."""

import re

from django.core import mail


def mailed_link(to: str, path_pattern: str) -> str:
    """The path of the one link matching ``path_pattern`` in the one mail sent to ``to``."""
    (message,) = [m for m in mail.outbox if m.to == [to]]
    (path,) = re.findall(rf"https?://testserver({path_pattern})", message.body)
    return path

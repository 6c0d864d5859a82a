"""What a site serves to some delegates: agenda pages, agenda PDFs (as text), calendar feeds.

``python -m tests.core.agenda_pages FOLDER`` writes them into FOLDER, one file each, from
the database ``DATABASE_URL`` names, so a test can compare what two databases serve. The
delegates are the demo's three logins and the members of the first five enterprises in the
current edition's latest release.
"""

import io
import os
import re
import sys
from pathlib import Path

# Each response carries a fresh CSRF token, even for the same page from the same database.
CSRF_TOKENS = (
    re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+'),
    re.compile(rb'("X-CSRFToken": ")[^"]+'),
)
FEED_LINK = re.compile(r'class="ics" href="([^"]+)"')


def agenda_pages() -> dict[str, bytes]:
    """File name -> what the site answered, for every chosen delegate."""
    from django.test import Client
    from django.urls import reverse
    from pypdf import PdfReader

    from fairmatch.accounts.models import User
    from fairmatch.demo.generator import LOGIN_EMAILS
    from fairmatch.scheduling.models import Release, ReleaseEntry

    release = Release.objects.select_related("edition").order_by("-published_at").first()
    assert release is not None, "no published schedule to serve"
    edition = release.edition.slug
    pairs = ReleaseEntry.objects.filter(release=release).values_list("first_id", "second_id")
    participations = sorted({pk for pair in pairs for pk in pair})
    users = list(User.objects.filter(email__in=LOGIN_EMAILS.values()).order_by("email"))
    users += [
        User.objects.filter(enterprise__participations=pk, is_active=True).order_by("pk")[0]
        for pk in participations[:5]
    ]
    client = Client()
    pages = {}
    for number, user in enumerate(users):
        client.force_login(user)
        page = client.get(reverse("scheduling:agenda", args=[edition]))
        assert page.status_code == 200, (user.email, page.status_code)
        html = page.content
        for token in CSRF_TOKENS:
            html = token.sub(rb"\1(token)", html)
        pages[f"{number:02d}-agenda.html"] = html
        pdf = PdfReader(
            io.BytesIO(client.get(reverse("scheduling:agenda_pdf", args=[edition])).content)
        )
        text = "\f".join(sheet.extract_text() for sheet in pdf.pages)
        pages[f"{number:02d}-agenda-pdf.txt"] = text.encode()
        for index, link in enumerate(FEED_LINK.findall(html.decode())):
            pages[f"{number:02d}-feed-{index}.ics"] = client.get(link).content
        client.logout()
    return pages


def main(folder: Path) -> None:
    import django
    from django.test.utils import setup_test_environment

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fairmatch.settings")
    django.setup()
    setup_test_environment()  # the test client's host is allowed; mail stays in memory
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in agenda_pages().items():
        (folder / name).write_bytes(content)


if __name__ == "__main__":
    main(Path(sys.argv[1]))

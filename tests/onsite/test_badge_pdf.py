"""Badges as PDF, read back: card and A4 layouts, names in both scripts, the QR token;
printing every badge is a background job that reports its progress."""

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from fairmatch.onsite.domain.badges import issue_badges
from fairmatch.onsite.interfaces.pdf import badges_pdf
from fairmatch.onsite.interfaces.printing import PrintError, start_printing
from fairmatch.onsite.models import Badge, BadgeLayout, BadgePrint, PrintStatus
from tests.factories import DelegateFactory, OrganiserFactory
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_card_badge_shows_both_names_the_role_the_country_and_the_code():
    edition, _meeting, _buyer, provider_badge = day_edition()
    provider_badge.name = "王芳 <b>Wang</b> &amp;"
    pdf = badges_pdf([provider_badge], layout=BadgeLayout.CARD, edition_name=edition.name_en)
    reader = PdfReader(io.BytesIO(pdf))
    (page,) = reader.pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
        round(85.6 * mm),
        round(54 * mm),
    )
    text = page.extract_text()
    for expected in (
        "王芳 <b>Wang</b> &amp;",  # printed as written, never read as markup
        "上海外包有限公司",
        "Shanghai Outsourcing",
        "China",
        "SERVICE PROVIDER",
        f"{provider_badge.code[:4]}-{provider_badge.code[4:]}",
    ):
        assert expected in text
    # The CJK font travels inside the PDF (a TrueType subset), not left to the reader.
    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    assert any("NotoSansSC" in str(f["/BaseFont"]) for f in fonts)
    assert b"/FontFile2" in pdf


def test_an_a4_sheet_holds_ten_badges():
    edition, meeting, *_ = day_edition()
    for n in range(9):
        DelegateFactory(participation=meeting.first, full_name=f"Person {n}")
    issue_badges(edition=edition)
    badges = list(Badge.objects.filter(edition=edition))
    assert len(badges) == 11
    pdf = badges_pdf(badges, layout=BadgeLayout.SHEET, edition_name=edition.name_en)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2
    assert round(float(pages[0].mediabox.width)) == round(A4[0])
    assert sum(t.count("Person") for t in _text(pdf)) == 9


def test_printing_every_badge_runs_as_a_job_with_progress(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    edition, *_ = day_edition()
    organiser = OrganiserFactory()
    with pytest.raises(PrintError):
        # A job still queued blocks a second one.
        BadgePrint.objects.create(edition=edition, layout="card")
        start_printing(edition=edition, layout=BadgeLayout.SHEET, user=organiser)
    BadgePrint.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        job = start_printing(edition=edition, layout=BadgeLayout.SHEET, user=organiser)
    job.refresh_from_db()
    assert (job.status, job.total, job.done, job.percent) == (PrintStatus.FINISHED, 2, 2, 100)
    text = "".join(_text(job.pdf.read()))
    assert "Anna Becker" in text and "王芳" in text

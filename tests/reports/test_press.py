"""The press page (aggregates only, en and zh-hans), snapshots (frozen, audited) and the
bilingual fact sheet, read back from the PDF."""

import io
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from fairmatch.core.models import AuditEntry
from fairmatch.outcomes.domain import intentions
from fairmatch.reports.models import PressSnapshot
from fairmatch.reports.press import freeze_snapshot
from tests.factories import CooperationKindFactory, OrganiserFactory
from tests.outcomes.helpers import held_meeting, past_edition, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = past_edition()
    meeting = held_meeting(edition, buyer_country="DE")
    meeting.first.enterprise.name_en = "Secret Partner <GmbH>"
    meeting.first.enterprise.save()
    investment = CooperationKindFactory(code="investment", name_en="Investment", name_zh="投资合作")
    intentions.enter_at_ceremony(
        edition=edition,
        first=meeting.first,
        second=meeting.second,
        user=None,
        terms=terms("12500000", kind=investment),
    )
    intentions.enter_at_ceremony(
        edition=edition,
        first=meeting.first,
        second=meeting.second,
        user=None,
        terms=terms("2500000"),
    )
    return edition


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_live_press_page_states_the_total_without_naming_anyone(client, edition):
    page = client.get(reverse("press:page", args=[edition.slug])).content.decode()
    assert "Intentional cooperation investment: USD 15.0 million in 2 confirmed intentions." in page
    assert "Live figures, taken at" in page
    assert "Secret Partner" not in page
    assert "12500000" not in page  # no single deal's amount


def test_the_chinese_press_page(client, edition):
    client.cookies["django_language"] = "zh-hans"
    response = client.get(
        reverse("press:page", args=[edition.slug]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    page = response.content.decode()
    assert response["Content-Language"] == "zh-hans"
    assert "投资合作" in page  # the kind's Chinese name in the chart
    # Chinese readers count amounts in myriads, as the directory does: never "百万美元".
    assert "USD 1,500万" in page and "百万" not in page


def test_a_snapshot_freezes_the_figures_while_live_ones_move(client, edition):
    organiser = OrganiserFactory()
    snapshot = freeze_snapshot(edition=edition, user=organiser, title="Press conference")
    assert snapshot.figures["intentions_total_usd"] == "15000000.00"
    assert AuditEntry.objects.get(action="press.snapshot_frozen").actor == organiser
    meeting = held_meeting(edition)
    intentions.enter_at_ceremony(
        edition=edition, first=meeting.first, second=meeting.second, user=None, terms=terms("1e6")
    )
    quoted = client.get(reverse("press:page", args=[edition.slug])).content.decode()
    live = client.get(reverse("press:page", args=[edition.slug]) + "?live=1").content.decode()
    assert "USD 15.0 million in 2 confirmed" in quoted
    assert "Figures frozen for the press at" in quoted
    assert "USD 16.0 million in 3 confirmed" in live


def test_the_organiser_freezes_from_the_dashboard(client, edition):
    client.force_login(OrganiserFactory())
    response = client.post(reverse("reports:freeze", args=[edition.slug]), {"title": "Opening"})
    assert response.status_code == 302
    assert list(PressSnapshot.objects.values_list("title", flat=True)) == ["Opening"]


def test_the_fact_sheet_is_a_bilingual_pdf_of_the_snapshot(client, edition):
    snapshot = freeze_snapshot(edition=edition, user=None)
    response = client.get(reverse("press:fact_sheet", args=[edition.slug, snapshot.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "USD 15,000,000 (15.0 M)" in text
    assert "Intentional cooperation investment" in text
    assert "投资合作" in text
    assert edition.name_zh in text
    assert "Secret Partner" not in text


def test_the_dashboard_shows_the_outcome_charts(client, edition):
    client.force_login(OrganiserFactory())
    page = client.get(reverse("reports:overview", args=[edition.slug])).content.decode()
    for chart in ("chart-applications", "chart-meetings", "chart-kinds", "chart-funnel"):
        assert f'id="{chart}"' in page
    assert "not recorded" in page  # held and missed, until the day's record exists


def test_figures_json_gains_the_intentions(edition):
    out = StringIO()
    call_command("figures", "--json", "--edition", edition.slug, stdout=out)
    data = json.loads(out.getvalue())
    assert data["intentions_confirmed"] == 2
    assert data["intentions_total_usd"] == 15000000.0
    assert data["intentions_by_kind"] == {
        "investment": {"count": 1, "usd": 12500000.0},
        "outsourcing": {"count": 1, "usd": 2500000.0},
    }
    assert Decimal(str(data["intentions_total_usd"])) == Decimal("15000000")


def test_the_dashboard_draws_the_previous_editions_intentions_beneath(client, edition):
    previous = past_edition(days_ago=400)
    edition.previous = previous
    edition.save()
    meeting = held_meeting(previous)
    intentions.enter_at_ceremony(
        edition=previous, first=meeting.first, second=meeting.second, user=None, terms=terms("5e6")
    )
    client.force_login(OrganiserFactory())
    page = client.get(reverse("reports:overview", args=[edition.slug])).content.decode()
    kinds = page[
        page.index('id="chart-kinds"') : page.index("</svg>", page.index('id="chart-kinds"'))
    ]
    assert kinds.count('class="bar-previous"') == 1  # outsourcing, in both editions
    assert "USD 5.0 million" in page  # the previous edition's total

"""Leads: captured once per visitor, kept to their exhibitor, exported as CSV and XLSX."""

import csv
import io

import pytest
from openpyxl import load_workbook

from fairmatch.onsite.domain.leads import LeadError, capture_lead, exhibitor_of, leads_of
from fairmatch.onsite.interfaces.exports import leads_csv, leads_xlsx
from fairmatch.onsite.models import Lead
from tests.factories import DelegateFactory, ParticipationFactory, UserFactory
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def booth():
    edition, _meeting, buyer_badge, provider_badge = day_edition()
    exhibitor = ParticipationFactory(
        edition=edition, state="qualified", is_exhibitor=True, is_negotiator=False
    )
    DelegateFactory(participation=exhibitor)
    return exhibitor, buyer_badge, provider_badge


def test_a_scanned_visitor_becomes_a_lead_once(booth):
    exhibitor, buyer_badge, _ = booth
    lead, created = capture_lead(
        exhibitor=exhibitor, badge=buyer_badge, note="wants a demo", follow_up=True, user=None
    )
    again, created_again = capture_lead(
        exhibitor=exhibitor, badge=buyer_badge, note="", follow_up=False, user=None
    )
    assert (created, created_again) == (True, False)
    assert (again.pk, again.note, again.follow_up) == (lead.pk, "wants a demo", True)
    assert Lead.objects.count() == 1


def test_an_exhibitor_sees_only_its_own_leads(booth):
    exhibitor, buyer_badge, provider_badge = booth
    other = ParticipationFactory(
        edition=exhibitor.edition, state="qualified", is_exhibitor=True, is_negotiator=False
    )
    capture_lead(exhibitor=exhibitor, badge=buyer_badge, note="", follow_up=False, user=None)
    capture_lead(exhibitor=other, badge=provider_badge, note="", follow_up=False, user=None)
    assert [lead.badge for lead in leads_of(exhibitor)] == [buyer_badge]
    member = UserFactory(enterprise=exhibitor.enterprise)
    assert exhibitor_of(user=member, edition=exhibitor.edition) == exhibitor


def test_a_badge_of_another_edition_is_no_lead(booth):
    exhibitor, *_ = booth
    _e, _m, foreign_badge, _p = day_edition()
    with pytest.raises(LeadError, match="another edition"):
        capture_lead(exhibitor=exhibitor, badge=foreign_badge, note="", follow_up=False, user=None)


def test_exports_read_back_and_never_start_a_formula(booth):
    exhibitor, buyer_badge, provider_badge = booth
    buyer_badge.name = '=HYPERLINK("http://evil")'
    buyer_badge.save()
    capture_lead(exhibitor=exhibitor, badge=buyer_badge, note="+1 call", follow_up=True, user=None)
    capture_lead(exhibitor=exhibitor, badge=provider_badge, note="", follow_up=False, user=None)
    rows = list(csv.reader(io.StringIO(leads_csv(leads_of(exhibitor)).decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "Organisation"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name['\'=HYPERLINK("http://evil")'][6] == "'+1 call"
    assert by_name["王芳"][1] == "上海外包有限公司"
    sheet = load_workbook(io.BytesIO(leads_xlsx(leads_of(exhibitor)))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert sorted(row[0] for row in values[1:]) == ['\'=HYPERLINK("http://evil")', "王芳"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)

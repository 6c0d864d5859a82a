"""Exhibitors are judged by the rules of their role, on the fields they show at the booth."""

import pytest
from django.utils.translation import override

from fairmatch.enterprises.domain.applications import application_changed
from fairmatch.enterprises.domain.qualification import refresh_participation
from fairmatch.enterprises.interfaces.messages import render_message
from fairmatch.enterprises.models import Enterprise, RuleResult
from tests.exhibition.helpers import exhibition_part
from tests.factories import (
    DemandFactory,
    EditionFactory,
    FieldFactory,
    ParticipationFactory,
    QualificationRuleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(host_country="CN")
    FieldFactory(code="software", name_en="Software", name_zh="软件")
    QualificationRuleFactory(
        edition=edition,
        role="exhibitor",
        kind="required_fields",
        parameters={"fields": ["software"], "only_groups": ["domestic"]},
    )
    QualificationRuleFactory(edition=edition, role="buyer")  # contracts of USD 8 M or more
    return edition


def result_for(participation, role):
    return RuleResult.objects.select_related("rule").get(
        participation=participation, rule__role=role
    )


def test_a_domestic_exhibitor_without_a_conference_field_fails_with_evidence(edition):
    exhibitor = ParticipationFactory(
        edition=edition, is_negotiator=False, is_exhibitor=True, enterprise__country="CN"
    )
    application = exhibition_part(exhibitor)
    refresh_participation(exhibitor)
    result = result_for(exhibitor, "exhibitor")
    assert (result.outcome, exhibitor.rule_outcome) == ("fail", "fail")
    assert render_message(result.reason, "en") == (
        "The application must cover at least one of these fields: Software."
    )
    assert render_message(result.evidence, "en") == "The application names no field."
    application.fields.add(FieldFactory._meta.model.objects.get(code="software"))
    application_changed(participation=exhibitor)
    result = result_for(exhibitor, "exhibitor")
    assert result.outcome == "pass"
    with override("zh-hans"):
        assert render_message(result.evidence) == "申请涉及的领域：软件"


def test_fields_shown_count_only_for_a_participation_that_takes_a_booth(edition):
    negotiator = ParticipationFactory(edition=edition, enterprise__country="CN")
    exhibition_part(negotiator).fields.add(FieldFactory._meta.model.objects.get(code="software"))
    QualificationRuleFactory(
        edition=edition, role="buyer", kind="required_fields", parameters={"fields": ["software"]}
    )
    DemandFactory(participation=negotiator, field=FieldFactory(code="pharma"))
    refresh_participation(negotiator)
    fields_result = RuleResult.objects.get(
        participation=negotiator, rule__role="buyer", rule__kind="required_fields"
    )
    assert fields_result.outcome == "fail"


def test_a_foreign_exhibitor_that_negotiates_is_judged_in_both_roles(edition):
    both = ParticipationFactory(
        edition=edition,
        is_negotiator=True,
        is_exhibitor=True,
        enterprise__country="JP",
        enterprise__kind=Enterprise.Kind.BUYER,
    )
    exhibition_part(both)
    DemandFactory(participation=both)  # USD 9 M
    refresh_participation(both)
    assert both.roles == ["buyer", "exhibitor"]
    assert {r.rule.role: r.outcome for r in RuleResult.objects.filter(participation=both)} == {
        "buyer": "pass",
        "exhibitor": "pass",
    }
    assert render_message(result_for(both, "exhibitor").reason, "en") == (
        "This rule does not apply to enterprises from JP."
    )
    assert both.rule_outcome == "pass"

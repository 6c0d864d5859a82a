"""The API's input and output schemas: one per endpoint, each with an example."""

import datetime
from typing import Any, Literal

from ninja import Field, Schema

STATES = Literal[
    "draft", "submitted", "qualified", "waiting_confirmation", "rejected", "confirmed", "withdrawn"
]
ROLES = Literal["buyer", "provider", "exhibitor"]


class ProblemField(Schema):
    field: str = Field(examples=["body.priority"])
    detail: str = Field(examples=["Input should be less than or equal to 3"])


class Problem(Schema):
    """An error (RFC 9457), sent as application/problem+json."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Unprocessable Content"])
    status: int = Field(examples=[422])
    detail: str = Field(examples=["The request does not match the schema."])
    errors: list[ProblemField] = Field(default_factory=list)


class EditionOut(Schema):
    slug: str = Field(examples=["soc-2027"])
    name_en: str = Field(examples=["Service Outsourcing Conference 2027"])
    name_zh: str = Field(examples=["2027 服务外包大会"])
    start_date: datetime.date = Field(examples=["2027-06-10"])
    end_date: datetime.date = Field(examples=["2027-06-12"])
    venue: str = Field(examples=["Nanjing International Expo Centre"])
    timezone: str = Field(examples=["Asia/Shanghai"])
    currency: str = Field(examples=["USD"])
    status: str = Field(examples=["open"])


class EditionPage(Schema):
    items: list[EditionOut]
    next: str | None = Field(examples=[None])


class CountRowOut(Schema):
    key: str = Field(examples=["DE"])
    label: str = Field(examples=["Germany"])
    count: int = Field(examples=[12])


class FiguresOut(Schema):
    """The edition's published figures (``fairmatch figures --json``)."""

    edition: str = Field(examples=["soc-2027"])
    segment: str = Field(examples=["all"])
    applicants: int = Field(examples=[320])
    by_state: dict[str, int] = Field(examples=[{"submitted": 40, "qualified": 200}])
    qualified: int = Field(examples=[200])
    waiting_confirmation: int = Field(examples=[10])
    rejected: int = Field(examples=[30])
    withdrawn: int = Field(examples=[5])
    confirmed: int = Field(examples=[150])
    countries_qualified: int = Field(examples=[31])
    qualified_by_country: list[CountRowOut]
    applicants_by_country: list[CountRowOut]
    qualified_by_field: list[CountRowOut]
    qualified_by_role: list[CountRowOut]
    previous_edition: str | None = Field(examples=["soc-2026"])
    previous_qualified: int | None = Field(examples=[180])
    growth_vs_previous_pct: float | None = Field(examples=[11.1])
    previous_confirmation_rate: float | None = Field(examples=[0.8])
    expected_attendance: float = Field(examples=[168.0])
    expected_attendance_formula: str = Field(examples=["150 + 10 x 0.8 + ..."])


class EnterpriseOut(Schema):
    id: int = Field(examples=[42])
    name_original: str = Field(examples=["南京云帆软件有限公司"])
    name_en: str = Field(examples=["Nanjing Yunfan Software Co., Ltd."])
    country: str = Field(examples=["CN"])
    kind: str = Field(examples=["provider"])
    fields: list[str] = Field(examples=[["it"]])


class ParticipationOut(Schema):
    id: int = Field(examples=[7])
    edition: str = Field(examples=["soc-2027"])
    enterprise: EnterpriseOut
    state: STATES = Field(examples=["qualified"])
    roles: list[str] = Field(examples=[["provider"]])
    rule_outcome: str = Field(examples=["pass"])
    submitted_at: datetime.datetime | None = Field(examples=["2027-03-01T08:00:00Z"])
    updated_at: datetime.datetime = Field(examples=["2027-03-02T08:00:00Z"])


class ParticipationPage(Schema):
    items: list[ParticipationOut]
    next: str | None = Field(examples=["Nw"])


class TransitionIn(Schema):
    """A decision on a participation: the state it moves to, and why."""

    target: Literal["qualified", "waiting_confirmation", "rejected", "confirmed", "withdrawn"] = (
        Field(examples=["qualified"])
    )
    note: str = Field(default="", max_length=2000, examples=["Meets every rule."])


class RuleResultOut(Schema):
    rule: str = Field(examples=["min_contract_value"])
    outcome: str = Field(examples=["pass"])
    reason: dict[str, Any] = Field(
        examples=[{"template": "largest demand {value} >= {threshold}", "params": {}}]
    )
    evidence: dict[str, Any] = Field(examples=[{"largest_demand_usd": "9200000"}])
    evaluated_at: datetime.datetime


class DirectoryEntryOut(Schema):
    participation: int = Field(examples=[9])
    enterprise: EnterpriseOut
    roles: list[str] = Field(examples=[["buyer"]])


class DirectoryPage(Schema):
    items: list[DirectoryEntryOut]
    next: str | None = Field(examples=[None])


class RecommendationOut(Schema):
    counterpart: int = Field(examples=[9])
    name_en: str = Field(examples=["Hamburg Logistics GmbH"])
    rank: int = Field(examples=[1])
    score: float = Field(examples=[0.82])
    components: dict[str, float] = Field(examples=[{"field": 0.5, "text": 0.32}])


class MeetingRequestOut(Schema):
    id: int = Field(examples=[3])
    requester: int = Field(examples=[7])
    recipient: int = Field(examples=[9])
    state: str = Field(examples=["pending"])
    priority: int = Field(examples=[2])
    message: str = Field(examples=["We would like to discuss your testing services."])
    answer_reason: str = Field(examples=[""])
    created_at: datetime.datetime
    answered_at: datetime.datetime | None


class MeetingRequestPage(Schema):
    items: list[MeetingRequestOut]
    next: str | None = Field(examples=[None])


class MeetingRequestIn(Schema):
    recipient: int = Field(ge=1, examples=[9], description="the counterpart's participation")
    message: str = Field(default="", max_length=2000, examples=["Shall we meet?"])
    priority: int = Field(default=2, ge=1, le=3, examples=[2])
    demand: int | None = Field(default=None, ge=1, examples=[None])


class AnswerIn(Schema):
    reason: str = Field(default="", max_length=1000, examples=["Not our field, sorry."])


class MeetingOut(Schema):
    meeting: int = Field(examples=[120])
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    table_number: int | None = Field(examples=[12])
    table_zone: str = Field(examples=["A"])
    first: int = Field(examples=[7])
    second: int = Field(examples=[9])


class SchedulePage(Schema):
    release: int | None = Field(examples=[2])
    items: list[MeetingOut]
    next: str | None = Field(examples=[None])


class AgendaItemOut(Schema):
    meeting: int = Field(examples=[120])
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    table: str = Field(examples=["12 (A)"])
    counterpart_name_original: str = Field(examples=["Hamburg Logistik GmbH"])
    counterpart_name_en: str = Field(examples=["Hamburg Logistics GmbH"])
    demand: str = Field(examples=["IT: ERP migration"])
    interpreter: str | None = Field(examples=["de"])


class AgendaOut(Schema):
    release: int | None = Field(examples=[2])
    items: list[AgendaItemOut]


class CheckInOut(Schema):
    id: int = Field(examples=[5])
    participation: int = Field(examples=[7])
    delegate: str = Field(examples=["Li Wei"])
    at: datetime.datetime
    method: str = Field(examples=["code"])


class CheckInPage(Schema):
    items: list[CheckInOut]
    next: str | None = Field(examples=[None])


class PublishedBoothOut(Schema):
    """A booth as the latest published floor plan froze it: every booth of the plan, free,
    taken or blocked."""

    id: int = Field(examples=[311])
    hall: str = Field(examples=["H1"])
    booth: str = Field(examples=["A12"])
    x: float = Field(examples=[12.0], description="metres from the hall's west wall")
    y: float = Field(examples=[6.0], description="metres from the hall's north wall")
    width: float = Field(examples=[3.0])
    depth: float = Field(examples=[3.0])
    area: float = Field(examples=[9.0], description="square metres")
    state: Literal["free", "taken", "blocked"] = Field(
        examples=["taken"], description="as the release published it"
    )
    zone: str = Field(examples=["Animation pavilion"], description="in the caller's language")
    exhibitor: int | None = Field(examples=[42], description="the exhibitor's participation")


class BoothPage(Schema):
    release: int | None = Field(examples=[2], description="the plan release (None: none yet)")
    items: list[PublishedBoothOut]
    next: str | None = Field(examples=[None])


class ExhibitorOut(Schema):
    participation: int = Field(examples=[42])
    enterprise: EnterpriseOut
    products: str = Field(examples=["3D animation rendering and compositing"])
    fields: list[str] = Field(examples=[["animation"]])
    meetings_at_booth: bool = Field(examples=[True])
    hall: str | None = Field(examples=["H1"], description="None before the plan is published")
    booth: str | None = Field(examples=["A12"])


class ExhibitorPage(Schema):
    release: int | None = Field(examples=[2])
    items: list[ExhibitorOut]
    next: str | None = Field(examples=[None])


INTENTION_STATES = Literal["recorded", "confirmed", "disputed"]


class IntentionPartyOut(Schema):
    participation: int = Field(examples=[7])
    name_original: str = Field(examples=["南京云帆信息技术有限公司"])
    name_en: str = Field(examples=["Nanjing Yunfan IT"])
    country: str = Field(examples=["CN"])


class IntentionOut(Schema):
    """An intention to cooperate, with its value in US dollars at the edition's rates."""

    id: int = Field(examples=[42])
    recorder: IntentionPartyOut = Field(description="the party that recorded it")
    counterpart: IntentionPartyOut = Field(description="the party that confirms or disputes")
    source: Literal["party", "ceremony"] = Field(examples=["party"])
    form: Literal["loi", "mou", "contract"] = Field(examples=["mou"])
    kind: str = Field(examples=["outsourcing"], description="the cooperation kind's code")
    field: str = Field(examples=["software"], description="the business field's code")
    amount: str = Field(examples=["2500000.00"], description="a decimal, in ``currency``")
    currency: str = Field(examples=["EUR"])
    amount_usd: str | None = Field(
        examples=["2700000.00"], description="at the edition's rates; null without a rate"
    )
    state: INTENTION_STATES = Field(examples=["recorded"])
    counts: bool = Field(examples=[False], description="confirmed by both parties")
    expected_start: datetime.date | None = Field(examples=["2027-09-01"])
    recorded_at: datetime.datetime
    answered_at: datetime.datetime | None
    dispute_reason: str = Field(examples=[""])


class IntentionPage(Schema):
    items: list[IntentionOut]
    next: str | None = Field(examples=[None])


class ConfirmIn(Schema):
    """Nothing to say: the caller's enterprise confirms the intention."""


class DisputeIn(Schema):
    reason: str = Field(min_length=1, max_length=1000, examples=["The amount is wrong."])

"""Writes a demo plan into the database through the project's own domain functions.

Rows without business rules (enterprises, delegates, demands, capabilities) are bulk
created; the qualification rules are evaluated by ``refresh_edition`` and every state
change goes through the workflow's transition functions, so the history, the audit log
and the rule outcomes are the ones the application itself would have produced.
"""

import base64
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

from fairmatch.accounts.domain.emails import mark_addresses_verified
from fairmatch.accounts.domain.two_factor import enrol_totp
from fairmatch.accounts.models import User
from fairmatch.conference.models import (
    CooperationKind,
    Edition,
    ExchangeRate,
    Field,
    QualificationRule,
    Rank,
)
from fairmatch.core.models import AuditEntry
from fairmatch.demo.catalogue import (
    COOPERATION_KINDS,
    EDITIONS,
    FIELDS,
    RANKS,
    EditionSpec,
    rule_parameters,
)
from fairmatch.demo.plan import DemoPlan, EnterprisePlan, Expect
from fairmatch.demo.planner import DemoSize, build_plan
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.notifications import on_state_changed
from fairmatch.enterprises.domain.qualification import refresh_edition
from fairmatch.enterprises.domain.workflow import state_changed
from fairmatch.enterprises.models import (
    Capability,
    Delegate,
    Demand,
    Enterprise,
    Participation,
    RuleResult,
    StateChange,
)
from fairmatch.matching.domain.notifications import on_request_changed
from fairmatch.matching.domain.requests import request_changed

DEFAULT_SEED = 2027
DEMO_PASSWORD = "demo-pass-2027"
ORGANISER_EMAIL = "organiser@fairmatch.example"
LOGIN_EMAILS = {
    "buyer": "buyer@fairmatch.example",
    "provider": "provider@fairmatch.example",
    "exhibitor": "exhibitor@fairmatch.example",
}


# Mail and background tasks stay quiet while hundreds of applications move through the workflow.
@contextmanager
def without_mail() -> Iterator[None]:
    """The demo writes an edition's history, not its mail: the receivers that would queue
    an e-mail for each state change and meeting request are disconnected meanwhile
    (rendering some 3,500 e-mails only to discard them took a quarter of a build)."""
    for signal, _receiver, uid in MAIL_RECEIVERS:
        signal.disconnect(dispatch_uid=uid)
    try:
        yield
    finally:
        for signal, receiver, uid in MAIL_RECEIVERS:
            signal.connect(receiver, dispatch_uid=uid)


MAIL_RECEIVERS = (
    (state_changed, on_state_changed, "enterprises.state_change_mail"),
    (request_changed, on_request_changed, "matching.request_mail"),
)

QUIET_SETTINGS = {
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}

TRANSITIONS: dict[str, Callable[..., StateChange]] = {
    "submitted": workflow.submit,
    "qualified": workflow.qualify,
    "waiting_confirmation": workflow.put_on_waiting_list,
    "rejected": workflow.reject,
    "confirmed": workflow.confirm,
    "withdrawn": workflow.withdraw,
}
# Which rule kind an expected failure names.
FAILING_RULE = {Expect.FAIL_CONTRACT: "min_contract_value", Expect.FAIL_RANK: "min_delegate_rank"}


class DemoError(Exception):
    """The demo cannot be built here, or what it built contradicts its plan."""


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    enterprise: str  # the enterprise's name, empty for the organiser
    state: str  # the enterprise's state in the current edition, empty for the organiser
    participation_id: int | None = None  # to read the state again after later steps


@dataclass(frozen=True)
class DemoResult:
    plan: DemoPlan
    current_edition: Edition
    logins: tuple[DemoLogin, ...]
    seconds: float
    organiser_totp_secret: str  # the organiser's second factor (base32), the same for a seed
    organiser_recovery_codes: tuple[str, ...]


def demo_totp_secret(seed: int) -> str:
    """The demo organiser's TOTP secret: derived from the seed, so an authenticator app set
    up once keeps working after the demo is rebuilt (the demo's logins are public anyway)."""
    digest = hashlib.sha256(f"fairmatch-demo-organiser-{seed}".encode()).digest()[:20]
    return base64.b32encode(digest).decode("ascii")


def wipe_database(*, force: bool = False) -> None:
    """Empty every table, after checking that the database holds nothing but demo data."""
    demo_slugs = [spec.slug for spec in EDITIONS]
    others = list(Edition.objects.exclude(slug__in=demo_slugs).values_list("slug", flat=True))
    if others and not force:
        raise DemoError(
            "This database holds editions the demo did not make "
            f"({', '.join(sorted(others))}); rerun with --force to wipe it anyway."
        )
    call_command("flush", interactive=False, verbosity=0)


def build_demo(
    *, seed: int = DEFAULT_SEED, size: DemoSize | None = None, force: bool = False
) -> DemoResult:
    """Wipe the database and build the reference conference from ``seed``.

    Side effects, in order: every table is emptied; catalogues, editions, rates and rules
    are created; enterprises, users and applications are bulk created; the rules are
    evaluated; each application moves through the workflow (mail is discarded).
    """
    started = time.perf_counter()
    plan = build_plan(seed=seed, size=size)
    wipe_database(force=force)
    with override_settings(**QUIET_SETTINGS), without_mail(), transaction.atomic():
        writer = _Writer(plan)
        writer.write()
    current = Edition.objects.get(slug=EDITIONS[-1].slug)
    return DemoResult(
        plan=plan,
        current_edition=current,
        logins=writer.logins(current),
        seconds=time.perf_counter() - started,
        organiser_totp_secret=demo_totp_secret(seed),
        organiser_recovery_codes=writer.organiser_recovery_codes,
    )


class _Writer:
    """Holds the rows written so far, keyed by their plan's identifiers."""

    def __init__(self, plan: DemoPlan) -> None:
        self.plan = plan
        self.fields: dict[str, Field] = {}
        self.kinds: dict[str, CooperationKind] = {}
        self.ranks: dict[str, Rank] = {}
        self.editions: dict[str, Edition] = {}
        self.enterprises: dict[str, Enterprise] = {}
        self.members: dict[str, User] = {}
        self.participations: dict[tuple[str, str], Participation] = {}
        self.organiser: User | None = None
        self.organiser_recovery_codes: tuple[str, ...] = ()

    def write(self) -> None:
        self._catalogue()
        for spec in EDITIONS:
            self._edition(spec)
        self._enterprises()
        self._users()
        self._applications()
        for edition in self.editions.values():
            refresh_edition(edition)
        self._check_rule_outcomes()
        self._move_through_workflow()
        self._date_history()

    # --- set-up --------------------------------------------------------------------------

    def _catalogue(self) -> None:
        fields = [
            Field(code=code, name_en=en, name_zh=zh, position=index)
            for index, (code, en, zh) in enumerate(FIELDS)
        ]
        kinds = [
            CooperationKind(code=code, name_en=en, name_zh=zh, position=index)
            for index, (code, en, zh) in enumerate(COOPERATION_KINDS)
        ]
        ranks = [
            Rank(code=code, level=level, name_en=en, name_zh=zh) for code, level, en, zh in RANKS
        ]
        self.fields = {f.code: f for f in Field.objects.bulk_create(fields)}
        self.kinds = {k.code: k for k in CooperationKind.objects.bulk_create(kinds)}
        self.ranks = {r.code: r for r in Rank.objects.bulk_create(ranks)}

    def _edition(self, spec: EditionSpec) -> None:
        previous = list(self.editions.values())[-1] if self.editions else None
        edition = Edition.objects.create(
            slug=spec.slug,
            name_en=spec.name_en,
            name_zh=spec.name_zh,
            start_date=spec.start_date,
            end_date=spec.end_date,
            venue=spec.venue,
            venue_zh=spec.venue_zh,
            host_country="CN",
            timezone="Asia/Shanghai",
            currency="USD",
            previous=previous,
            status=spec.status,
            application_deadline=spec.application_deadline,
        )
        ExchangeRate.objects.bulk_create(
            ExchangeRate(edition=edition, currency=currency, usd_per_unit=rate)
            for currency, rate in spec.usd_per_unit.items()
        )
        QualificationRule.objects.bulk_create(
            QualificationRule(edition=edition, role=role, kind=kind, parameters=parameters)
            for role, kind, parameters in rule_parameters()
        )
        self.editions[spec.slug] = edition

    def _enterprises(self) -> None:
        rows = [self._enterprise_row(e) for e in self.plan.enterprises]
        created = Enterprise.objects.bulk_create(rows)
        self.enterprises = {
            e.key: row for e, row in zip(self.plan.enterprises, created, strict=True)
        }
        through = Enterprise.fields.through
        through.objects.bulk_create(
            through(enterprise_id=self.enterprises[e.key].pk, field_id=self.fields[code].pk)
            for e in self.plan.enterprises
            for code in e.fields
        )

    @staticmethod
    def _enterprise_row(plan: EnterprisePlan) -> Enterprise:
        return Enterprise(
            name_original=plan.name_original,
            name_en=plan.name_en,
            country=plan.country,
            kind=plan.kind,
            size=plan.size,
            certifications=list(plan.certifications),
            languages=list(plan.languages),
            website=plan.website,
            description=plan.description,
            description_language=plan.description_language,
        )

    def _users(self) -> None:
        # One hash for every demo account: hashing is slow on purpose, and all share a password.
        password = make_password(DEMO_PASSWORD, salt=f"fairmatchdemo{self.plan.seed}")
        self.organiser = User.objects.create(
            email=ORGANISER_EMAIL,
            username=ORGANISER_EMAIL,
            full_name="Conference organiser",
            password=password,
            language="en",
            is_organiser=True,
            is_staff=True,
            is_superuser=True,
        )
        login_for = {key: role for role, key in self.plan.login_enterprises.items()}
        users = []
        for plan in self.plan.enterprises:
            email = LOGIN_EMAILS.get(login_for.get(plan.key, ""), plan.contact_email)
            users.append(
                User(
                    email=email,
                    username=email,
                    full_name=plan.contact_name,
                    password=password,
                    language=plan.user_language,
                    enterprise=self.enterprises[plan.key],
                )
            )
        created = User.objects.bulk_create(users)
        self.members = {e.key: u for e, u in zip(self.plan.enterprises, created, strict=True)}
        # Demo addresses need no confirmation link; the organiser has a second factor, as
        # every organiser must (FAIRMATCH_ORGANISER_MFA).
        mark_addresses_verified(users=[self.organiser, *created])
        self.organiser_recovery_codes = tuple(
            enrol_totp(user=self.organiser, secret=demo_totp_secret(self.plan.seed))
        )

    def _applications(self) -> None:
        rows = [
            Participation(
                enterprise=self.enterprises[p.enterprise],
                edition=self.editions[p.edition],
                is_negotiator=p.is_negotiator,
                is_exhibitor=p.is_exhibitor,
            )
            for p in self.plan.participations
        ]
        created = Participation.objects.bulk_create(rows)
        self.participations = {
            (p.edition, p.enterprise): row
            for p, row in zip(self.plan.participations, created, strict=True)
        }
        delegates, demands, capabilities = [], [], []
        for plan in self.plan.participations:
            participation = self.participations[(plan.edition, plan.enterprise)]
            delegates += [
                Delegate(
                    participation=participation,
                    full_name=d.full_name,
                    title=d.title,
                    rank=self.ranks[d.rank],
                    email=d.email,
                    is_attending=d.is_attending,
                )
                for d in plan.delegates
            ]
            demands += [
                Demand(
                    participation=participation,
                    field=self.fields[d.field],
                    cooperation_kind=self.kinds[d.kind],
                    value=d.value,
                    currency=d.currency,
                    description=d.description,
                    description_language=d.language,
                )
                for d in plan.demands
            ]
            capabilities += [
                Capability(
                    participation=participation,
                    field=self.fields[c.field],
                    cooperation_kind=self.kinds[c.kind],
                    capacity=c.capacity,
                    currency=c.currency,
                    references=c.references,
                    description=c.description,
                    description_language=c.language,
                )
                for c in plan.capabilities
            ]
        Delegate.objects.bulk_create(delegates)
        Demand.objects.bulk_create(demands)
        Capability.objects.bulk_create(capabilities)

    # --- rules and workflow ---------------------------------------------------------------

    def _check_rule_outcomes(self) -> None:
        """Every application's rule results must be what its planned fate assumes."""
        results: dict[int, dict[str, str]] = {}
        for participation_id, kind, outcome in RuleResult.objects.values_list(
            "participation_id", "rule__kind", "outcome"
        ):
            results.setdefault(participation_id, {})[kind] = outcome
        problems = []
        for plan in self.plan.participations:
            if plan.expect == Expect.INCOMPLETE:
                continue
            participation = self.participations[(plan.edition, plan.enterprise)]
            outcomes = results.get(participation.pk, {})
            failing = FAILING_RULE.get(plan.expect)
            expected = {kind: "fail" if kind == failing else "pass" for kind in outcomes}
            if outcomes != expected or (failing and failing not in outcomes):
                problems.append(
                    f"{plan.enterprise} @ {plan.edition}: {outcomes}, planned {plan.expect}"
                )
        if problems:
            raise DemoError("rule outcomes differ from the plan: " + "; ".join(problems[:5]))

    def _move_through_workflow(self) -> None:
        # The exhibitors' exhibition parts are written later, with the floor plan
        # (``demo.exhibition``); until then they go through the workflow as participants, so
        # the completeness check does not ask for the part yet.
        exhibiting = []
        for plan in self.plan.participations:
            participation = self.participations[(plan.edition, plan.enterprise)]
            if participation.is_exhibitor:
                participation.is_exhibitor = False
                exhibiting.append(participation)
            member = self.members[plan.enterprise]
            for step in plan.steps:
                user: Any = self.organiser if step.by_organiser else member
                TRANSITIONS[step.state](participation=participation, user=user, note=step.note)
        for participation in exhibiting:
            participation.is_exhibitor = True
        Participation.objects.bulk_update(exhibiting, ["is_exhibitor"])

    def _date_history(self) -> None:
        """Give the history the dates of the plan instead of the moment of the build."""
        plans = {
            self.participations[(p.edition, p.enterprise)].pk: p for p in self.plan.participations
        }
        step_at = {(pk, step.state): step.at for pk, plan in plans.items() for step in plan.steps}
        changes = list(StateChange.objects.all())
        for change in changes:
            change.at = step_at.get((change.participation_id, change.to_state), change.at)
        StateChange.objects.bulk_update(changes, ["at"], batch_size=500)
        entries = list(AuditEntry.objects.filter(object_type="enterprises.participation"))
        for entry in entries:
            key = (int(entry.object_id), entry.data.get("to", ""))
            entry.at = step_at.get(key, entry.at)
        AuditEntry.objects.bulk_update(entries, ["at"], batch_size=500)
        participations = list(self.participations.values())
        for participation in participations:
            plan = plans[participation.pk]
            participation.created_at = plan.created_at
            participation.updated_at = plan.last_change_at
            participation.submitted_at = step_at.get((participation.pk, "submitted"))
        Participation.objects.bulk_update(
            participations, ["created_at", "updated_at", "submitted_at"], batch_size=500
        )
        first_seen: dict[str, Any] = {}
        for plan in self.plan.participations:
            known = first_seen.get(plan.enterprise)
            first_seen[plan.enterprise] = min(known, plan.created_at) if known else plan.created_at
        enterprises = list(self.enterprises.values())
        for enterprise_key, enterprise in self.enterprises.items():
            enterprise.created_at = first_seen[enterprise_key]
            self.members[enterprise_key].date_joined = first_seen[enterprise_key]
        Enterprise.objects.bulk_update(enterprises, ["created_at"], batch_size=500)
        User.objects.bulk_update(list(self.members.values()), ["date_joined"], batch_size=500)

    # --- the result -----------------------------------------------------------------------

    def logins(self, current: Edition) -> tuple[DemoLogin, ...]:
        logins = [DemoLogin(role="organiser", email=ORGANISER_EMAIL, enterprise="", state="")]
        for role, key in self.plan.login_enterprises.items():
            participation = Participation.objects.select_related("enterprise").get(
                edition=current, enterprise=self.enterprises[key]
            )
            enterprise = participation.enterprise
            name = enterprise.name_original
            if enterprise.name_en != name:
                name = f"{name} ({enterprise.name_en})"
            logins.append(
                DemoLogin(
                    role=role,
                    email=LOGIN_EMAILS[role],
                    enterprise=f"{name}, {enterprise.country.code}",
                    state=participation.get_state_display(),
                    participation_id=participation.pk,
                )
            )
        return tuple(logins)

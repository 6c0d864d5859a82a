"""Importing enterprises, delegates, demands, capabilities and rates: the preview at the
cell, the atomic commit, re-import by external id."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.models import Delegate, Demand, Enterprise, Participation, RuleResult
from fairmatch.spreadsheets.domain.checks import check_file
from fairmatch.spreadsheets.domain.commit import commit_checked
from fairmatch.spreadsheets.domain.jobs import create_import, run_commit, start_commit
from fairmatch.spreadsheets.domain.reading import read_table
from fairmatch.spreadsheets.models import ExternalId, ImportJob, ImportStatus
from tests.factories import EnterpriseFactory, QualificationRuleFactory
from tests.spreadsheets.helpers import ENTERPRISE_HEADER, csv_bytes, import_edition, xlsx_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    ENTERPRISE_HEADER,
    ["DE-1", "Becker Maschinenbau GmbH", "Becker Engineering", "DE", "buyer", "software"],
    ["CN-1", "大连软件有限公司", "Dalian Software", "中国", "provider", "软件;动漫"],
]


@dataclass(frozen=True)
class Importer:
    """An organiser of an edition ready for imports, uploading files as an office writes
    them: CSV (in ``encoding``) or, for a ``.xlsx`` file name, XLSX."""

    edition: Edition
    organiser: User

    def upload(
        self,
        rows: list[list[object]],
        *,
        kind: str = "enterprises",
        filename: str = "a.csv",
        encoding: str = "utf-8",
    ) -> ImportJob:
        content = xlsx_bytes(rows) if filename.endswith(".xlsx") else csv_bytes(rows, encoding)
        return create_import(
            edition=self.edition,
            kind=kind,
            filename=filename,
            content=content,
            user=self.organiser,
        )

    def commit(self, job: ImportJob) -> ImportJob:
        return start_commit(job=job, user=self.organiser)


@pytest.fixture
def importer() -> Importer:
    edition, organiser = import_edition()
    return Importer(edition=edition, organiser=organiser)


def _issues(job):
    return [
        (i["row"], i["column"], i["level"], i["text"] % i["params"]) for i in job.preview["issues"]
    ]


def test_a_clean_file_is_previewed_then_committed_with_rule_results_and_audit(importer):
    QualificationRuleFactory(edition=importer.edition)
    job = importer.upload(ROWS, filename="list.csv")
    assert (job.status, job.total, _issues(job)) == (ImportStatus.PREVIEWED, 2, [])
    assert Enterprise.objects.count() == 0
    job = importer.commit(job)
    assert (job.status, job.summary) == (ImportStatus.COMMITTED, {"created": 2, "updated": 0})
    dalian = Enterprise.objects.get(name_en="Dalian Software")
    assert (str(dalian.country), dalian.kind) == ("CN", "provider")
    assert sorted(f.code for f in dalian.fields.all()) == ["animation", "software"]
    participation = Participation.objects.get(enterprise__name_en="Becker Engineering")
    assert (participation.state, participation.is_negotiator) == ("draft", True)
    assert RuleResult.objects.filter(participation=participation).count() == 1
    assert list(
        AuditEntry.objects.filter(object_type="spreadsheets.importjob").values_list(
            "action", flat=True
        )
    ) == ["import.commit", "import.upload"]


def test_importing_the_same_file_again_updates_by_external_id(importer):
    for names in (
        ROWS,
        [*ROWS[:1], [*ROWS[1][:2], "Becker Engineering AG", *ROWS[1][3:]], ROWS[2]],
    ):
        job = importer.upload(names)
        importer.commit(job)
    assert Enterprise.objects.count() == 2
    assert ExternalId.objects.filter(edition=importer.edition).count() == 2
    assert Enterprise.objects.filter(name_en="Becker Engineering AG").count() == 1
    becker = Enterprise.objects.get(name_en="Becker Engineering AG")
    assert [f.code for f in becker.fields.all()] == ["software"]
    job = importer.upload([ROWS[0], [*ROWS[2][:5], "animation"]])
    importer.commit(job)
    dalian = Enterprise.objects.get(name_en="Dalian Software")
    assert [f.code for f in dalian.fields.all()] == ["animation"]
    assert [f.code for f in becker.fields.all()] == ["software"]
    assert job.summary == {"created": 0, "updated": 1}


def test_errors_and_warnings_are_reported_at_the_cell(importer):
    EnterpriseFactory(
        name_original="Becker Engineering", name_en="Becker Engineering", country="DE"
    )
    rows = [
        ENTERPRISE_HEADER,
        ["DE-1", "Becker Maschinenbau GmbH", "Becker Engineering", "DE", "buyer", "software"],
        ["X-1", "Atlantis Ltd", "Atlantis Ltd", "Atlantis", "buyer", "knitting"],
        ["DE-1", "Becker Maschinenbau GmbH", "Becker Engineering", "DE", "buyer", "software"],
        ["X-2", "", "Nameless", "FR", "seller", ""],
    ]
    job = importer.upload(rows)
    assert _issues(job) == [
        (3, "country", "error", "“Atlantis” is not known here."),
        (3, "fields", "error", "“knitting” is not known here."),
        (4, "external_id", "error", "The external id DE-1 is already on line 2."),
        (5, "name_original", "error", "This cell is empty."),
        (
            2,
            "name_en",
            "warning",
            "Probably the same enterprise as “Becker Engineering”, "
            "already registered in this country: it will be added as another one.",
        ),
    ]
    assert not job.can_commit
    with pytest.raises(Exception, match="cannot be imported"):
        importer.commit(job)
    assert Enterprise.objects.count() == 1


def test_children_rates_and_their_warnings(importer):
    QualificationRuleFactory(
        edition=importer.edition,
        kind="min_delegate_rank",
        parameters={"rank_level": 40, "scope": "any"},
    )
    job = importer.upload(ROWS)
    importer.commit(job)
    delegates = [
        ["External id", "Enterprise external id", "Full name", "Job title", "Rank", "E-mail"],
        ["D-1", "DE-1", "Anna Becker", "Buyer", "manager", "anna@becker.example"],
        ["D-2", "NOPE", "Max", "Buyer", "director", "not-an-address"],
    ]
    job = importer.upload(delegates, kind="delegates", filename="d.csv")
    assert _issues(job) == [
        (
            2,
            "rank",
            "warning",
            "The rank manager is below the rank the edition's rules ask for "
            "(level 40): the application will need review.",
        ),
        (
            3,
            "enterprise_id",
            "error",
            "No enterprise of this edition has the external id NOPE: import the enterprises first.",
        ),
        (3, "email", "error", "This is not an e-mail address."),
    ]
    demands = [
        ["外部编号", "企业外部编号", "业务领域", "合作方式", "合同金额", "币种", "描述"],
        ["N-1", "DE-1", "software", "outsourcing", "12,000,000", "EUR", "ERP roll-out"],
    ]
    job = importer.upload(demands, encoding="gb18030", kind="demands", filename="n.csv")
    assert _issues(job) == [
        (
            2,
            "currency",
            "warning",
            "This edition has no exchange rate for EUR: the minimum value "
            "rule will ask for review.",
        ),
    ]
    importer.commit(job)
    demand = Demand.objects.get()
    assert (demand.value, demand.currency, demand.description_language) == (
        Decimal("12000000"),
        "EUR",
        "en",
    )
    job = importer.upload(
        [["Currency", "Units per US dollar"], ["eur", "0.8"]], kind="rates", filename="r.csv"
    )
    importer.commit(job)
    assert importer.edition.rates.get().usd_per_unit == Decimal("1.25")
    assert Delegate.objects.count() == 0


def test_missing_and_renamed_columns_and_formulas_are_reported(importer):
    rows = [
        ["External id", "Company", "Name in English", "Country", "Kind (buyer, provider, both)"],
        ["DE-1", "Becker", "Becker", '="DE"', "buyer"],
    ]
    job = importer.upload(rows, filename="a.xlsx")
    assert _issues(job) == [
        (1, "name_original", "error", "The column “Name in the original language” is missing."),
        (
            1,
            "#1",
            "warning",
            "The column “Company” is not known and is ignored "
            "(the closest known column: “Country”).",
        ),
    ]
    rows[0][1] = "Name in the original language"
    job = importer.upload(rows, filename="a.xlsx")
    assert _issues(job) == [
        (2, "country", "error", "This cell holds a formula: type its value instead."),
    ]


def test_a_failure_on_row_9000_imports_nothing(importer):
    rows = [ENTERPRISE_HEADER] + [
        [f"X-{n}", f"Firm {n}", f"Firm {n}", "DE", "buyer", "software"] for n in range(9500)
    ]
    sheet = read_table(csv_bytes(rows), "big.csv")
    checked = check_file(sheet, edition=importer.edition, kind="enterprises")
    assert (checked.errors, len(checked.clean)) == (0, 9500)

    def fail_at_9000(done):
        if done >= 9000:
            raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError):
        commit_checked(
            checked, edition=importer.edition, actor=importer.organiser, progress=fail_at_9000
        )
    assert (Enterprise.objects.count(), Participation.objects.count()) == (0, 0)
    assert ExternalId.objects.count() == 0


def test_a_job_that_fails_while_committing_says_so_and_imports_nothing(importer):
    job = importer.upload(ROWS)

    def fail(done):
        raise RuntimeError("the disk is full")

    run_commit(job.pk, importer.organiser.pk, progress=fail)
    job.refresh_from_db()
    assert (job.status, job.error) == (ImportStatus.FAILED, "the disk is full")
    assert Enterprise.objects.count() == 0

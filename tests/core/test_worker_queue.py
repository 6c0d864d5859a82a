"""Several task workers (``fairmatch worker`` processes) on one PostgreSQL queue: every
solver run and every e-mail runs exactly once.

The workers claim jobs with ``SELECT ... FOR UPDATE SKIP LOCKED`` (django-tasks-db); a
solver run that is delivered twice is refused by its own queued-to-running guard
(``tests/scheduling/test_runs.py``).
"""

import subprocess
import sys
import time
from collections import Counter
from urllib.parse import quote

import pytest
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import State
from fairmatch.scheduling.domain import runs
from fairmatch.scheduling.models import ScheduleRun
from tests.factories import OrganiserFactory, ParticipationFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition
from tests.web.test_security_settings import clean_environment

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

WORKERS = 3
SOLVER_RUNS = 4
MAILS = 16
# Each solver run's edition has two accepted meeting requests: two request e-mails each.
EXPECTED_JOBS = {
    "fairmatch.scheduling.domain.runs.execute_run_task": SOLVER_RUNS,
    "fairmatch.enterprises.domain.notifications.state_change_mail": MAILS,
    "fairmatch.matching.domain.notifications.request_mail": SOLVER_RUNS * 2 * 2,
}
DEADLINE_SECONDS = 180


def database_url() -> str:
    """The test database, for the worker processes."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or 'localhost'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def start_workers(tmp_path) -> list[tuple[subprocess.Popen, object]]:
    env = clean_environment(tmp_path, DATABASE_URL=database_url(), FAIRMATCH_EMAIL_BACKEND="file")
    workers = []
    for number in range(WORKERS):
        log = (tmp_path / f"worker-{number}.log").open("w")
        command = [sys.executable, "-m", "fairmatch", "worker", "--interval", "0.1"]
        workers.append((subprocess.Popen(command, env=env, stdout=log, stderr=log), log))
    return workers


def wait_until(condition, workers, tmp_path, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        for number, (process, _) in enumerate(workers):
            if process.poll() is not None:
                log = (tmp_path / f"worker-{number}.log").read_text()
                pytest.fail(f"worker {number} stopped ({process.returncode}):\n{log}")
        if time.monotonic() > deadline:
            statuses = Counter(DBTaskResult.objects.values_list("status", flat=True))
            pytest.fail(f"timed out waiting for {what}; jobs: {dict(statuses)}")
        time.sleep(0.2)


def queue_jobs() -> list[str]:
    """Queue the solver runs and the e-mails in one transaction, so that the workers all
    find them at once; returns the mail recipients."""
    organiser = OrganiserFactory()
    recipients = []
    with transaction.atomic():
        for _ in range(SOLVER_RUNS):
            edition = grid_edition(slots=2, tables=1)
            accepted_meetings(edition, 2)
            runs.start_run(edition=edition, user=organiser, time_limit=10)
        for number in range(MAILS):
            participation = ParticipationFactory(state=State.SUBMITTED)
            email = f"member{number}@mail.example"
            UserFactory(enterprise=participation.enterprise, email=email, language="en")
            workflow.qualify(participation=participation, user=organiser)
            recipients.append(email)
    return recipients


def test_several_workers_on_one_queue_run_every_job_exactly_once(tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    workers = start_workers(tmp_path)
    try:
        wait_until(
            lambda: all(
                "Starting worker" in (tmp_path / f"worker-{n}.log").read_text()
                for n in range(WORKERS)
            ),
            workers,
            tmp_path,
            "the workers to start",
        )
        recipients = queue_jobs()
        wait_until(
            lambda: (
                DBTaskResult.objects.count() == sum(EXPECTED_JOBS.values())
                and not DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists()
            ),
            workers,
            tmp_path,
            "the queue to drain",
        )
    finally:
        for process, log in workers:
            process.terminate()
            process.wait(timeout=60)
            log.close()

    results = list(DBTaskResult.objects.all())
    assert Counter(result.task_path for result in results) == EXPECTED_JOBS
    assert Counter(result.status for result in results) == {"SUCCESSFUL": len(results)}
    # Each job was claimed by one worker only, and the work was shared.
    assert Counter(len(result.worker_ids) for result in results) == {1: len(results)}
    assert len({result.worker_ids[0] for result in results}) >= 2
    assert Counter(ScheduleRun.objects.values_list("status", flat=True)) == {
        "finished": SOLVER_RUNS
    }
    sent = Counter(
        line.removeprefix("To: ")
        for mail_file in (tmp_path / "mail").iterdir()
        for line in mail_file.read_text().splitlines()
        if line.startswith("To: ")
    )
    assert {email: sent[email] for email in recipients} == dict.fromkeys(recipients, 1)

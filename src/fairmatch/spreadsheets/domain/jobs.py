"""An import from upload to commit: checked (the preview), then written whole or not at all.

Small files are checked and written while the organiser waits; larger ones (more than
``INLINE_MAX_BYTES``) run as background tasks that report their progress on the job, as
badge printing and solver runs do.
"""

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.spreadsheets.domain.checks import Checked, check_file
from fairmatch.spreadsheets.domain.columns import COLUMNS
from fairmatch.spreadsheets.domain.commit import commit_checked
from fairmatch.spreadsheets.domain.reading import ReadError, read_table
from fairmatch.spreadsheets.models import ImportJob, ImportStatus

logger = logging.getLogger(__name__)
INLINE_MAX_BYTES = 256 * 1024
SHOWN_ROWS = 200  # rows the preview page shows: those with issues first
KEPT_ISSUES = 20_000


class ImportRefused(Exception):
    """The import cannot go on; the message says why."""


def create_import(
    *, edition: Edition, kind: str, filename: str, content: bytes, user: Any
) -> ImportJob:
    """Keep the uploaded file and check it (now if small, else in the background).

    Side effects: audit entry ``import.upload``; the preview task for a large file.
    """
    with transaction.atomic():
        job = ImportJob.objects.create(
            edition=edition,
            kind=kind,
            filename=filename[:255],
            content=content,
            created_by=user if getattr(user, "pk", None) else None,
        )
        record_action(
            actor=user,
            action="import.upload",
            target=job,
            data={"kind": kind, "filename": filename, "bytes": len(content)},
        )
    if len(content) <= INLINE_MAX_BYTES:
        run_preview(job.pk)
        job.refresh_from_db()
    else:
        preview_task.enqueue(job.pk)
    return job


def _progress(job_pk: int) -> Any:
    def report(done: int) -> None:
        ImportJob.objects.filter(pk=job_pk).update(done=done)

    return report


def preview_data(checked: Checked, rows: list[list[str]], encoding: str = "") -> dict[str, Any]:
    """What the preview page shows: the columns, every issue, and some rows at the cell."""
    by_key = {c.key: c for c in COLUMNS[checked.kind]}
    columns = []
    for index, text in enumerate(checked.header):
        key = next((k for k, i in checked.positions.items() if i == index), f"#{index}")
        columns.append({"key": key, "header": text, "known": key in by_key})
    issues = [issue.to_json() for issue in checked.issues]
    lines_with_issues = sorted({i.row for i in checked.issues if i.row > 1})
    shown = lines_with_issues[:SHOWN_ROWS] or list(range(2, min(len(rows), 20) + 2))
    return {
        "encoding": encoding,
        "columns": columns,
        "issues": issues[:KEPT_ISSUES],
        "counts": {
            "error": checked.errors,
            "warning": len(issues) - checked.errors,
            "rows": len(rows),
            "clean": len(checked.clean),
            "rows_with_issues": len(lines_with_issues),
        },
        "rows": [{"line": line, "cells": rows[line - 2]} for line in shown if line - 2 < len(rows)],
    }


def run_preview(job_pk: int) -> None:
    """Check the job's file and keep what was found on the job."""
    job = ImportJob.objects.select_related("edition").get(pk=job_pk)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.PREVIEWING)
    try:
        sheet = read_table(bytes(job.content), job.filename, sheet_name=job.kind)
        ImportJob.objects.filter(pk=job.pk).update(total=len(sheet.rows), done=0)
        checked = check_file(sheet, edition=job.edition, kind=job.kind, progress=_progress(job.pk))
    except ReadError as error:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            preview={"read_error": {"text": error.message, "params": error.params}},
            finished_at=timezone.now(),
        )
        return
    except Exception as error:  # recorded on the job for the organiser to see
        logger.exception("import %s: preview failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        return
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.PREVIEWED,
        done=len(sheet.rows),
        preview=preview_data(checked, sheet.rows, sheet.encoding),
    )


def start_commit(*, job: ImportJob, user: Any) -> ImportJob:
    """Import a checked file without errors: now if small, else in the background."""
    updated = job.can_commit and ImportJob.objects.filter(
        pk=job.pk, status=ImportStatus.PREVIEWED
    ).update(status=ImportStatus.COMMITTING, done=0)
    if not updated:
        raise ImportRefused(
            _("This file cannot be imported: correct its errors and upload it again.")
        )
    user_pk = user.pk if getattr(user, "pk", None) else None
    if len(job.content) <= INLINE_MAX_BYTES:
        run_commit(job.pk, user_pk)
    else:
        commit_task.enqueue(job.pk, user_pk)
    job.refresh_from_db()
    return job


def run_commit(job_pk: int, user_pk: int | None, progress: Any = None) -> None:
    """Check the file again (the database may have changed) and write it, all or nothing.

    Side effects: audit entry ``import.commit`` with the counts, in the same transaction.
    """
    from django.contrib.auth import get_user_model

    job = ImportJob.objects.select_related("edition").get(pk=job_pk)
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    report = progress or _progress(job.pk)
    try:
        sheet = read_table(bytes(job.content), job.filename, sheet_name=job.kind)
        checked = check_file(sheet, edition=job.edition, kind=job.kind)
        if checked.errors:
            ImportJob.objects.filter(pk=job.pk).update(
                status=ImportStatus.PREVIEWED,
                preview=preview_data(checked, sheet.rows, sheet.encoding),
                error="",
            )
            return
        with transaction.atomic():
            counts = commit_checked(checked, edition=job.edition, actor=user, progress=report)
            record_action(actor=user, action="import.commit", target=job, data=counts)
            ImportJob.objects.filter(pk=job.pk).update(
                status=ImportStatus.COMMITTED,
                summary=counts,
                done=len(checked.clean),
                finished_at=timezone.now(),
            )
    except Exception as error:  # nothing was written; the job says why
        logger.exception("import %s: commit failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            error=str(error)[:2000] or type(error).__name__,
            finished_at=timezone.now(),
        )


@task()
def preview_task(job_pk: int) -> int:
    """Background task: check a large file."""
    run_preview(job_pk)
    return job_pk


@task()
def commit_task(job_pk: int, user_pk: int | None) -> int:
    """Background task: import a large checked file."""
    run_commit(job_pk, user_pk)
    return job_pk

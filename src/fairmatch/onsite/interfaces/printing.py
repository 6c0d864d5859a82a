"""Printing every badge of an edition: a background job with progress, one PDF at the end."""

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.onsite.domain.badges import issue_badges
from fairmatch.onsite.interfaces.pdf import badges_pdf
from fairmatch.onsite.models import Badge, BadgePrint, PressState, PrintStatus

logger = logging.getLogger(__name__)


class PrintError(Exception):
    """The printing cannot start; the message says why."""


def printable_badges(edition: Edition) -> Any:
    """The edition's badges in print order: by role, then name (press only if approved)."""
    return (
        Badge.objects.filter(edition=edition)
        .filter(Q(press__isnull=True) | Q(press__state=PressState.APPROVED))
        .order_by("role", "name", "pk")
    )


def start_printing(*, edition: Edition, layout: str, user: Any) -> BadgePrint:
    """Issue the missing badges and queue the job; refused while another is running."""
    with transaction.atomic():
        Edition.objects.select_for_update().get(pk=edition.pk)
        active = (PrintStatus.QUEUED, PrintStatus.RUNNING)
        if BadgePrint.objects.filter(edition=edition, status__in=active).exists():
            raise PrintError(_("Badges are being printed already; wait for that job."))
        issue_badges(edition=edition)
        job = BadgePrint.objects.create(
            edition=edition,
            layout=layout,
            total=printable_badges(edition).count(),
            created_by=user if getattr(user, "pk", None) else None,
        )
        record_action(actor=user, action="onsite.print_badges", target=edition)
    transaction.on_commit(lambda: print_badges_task.enqueue(job.pk))
    return job


def run_printing(job_pk: int) -> None:
    job = BadgePrint.objects.select_related("edition").get(pk=job_pk)
    BadgePrint.objects.filter(pk=job.pk).update(status=PrintStatus.RUNNING)

    def progress(done: int) -> None:
        BadgePrint.objects.filter(pk=job.pk).update(done=done)

    try:
        badges = printable_badges(job.edition).select_related("edition")
        pdf = badges_pdf(
            badges.iterator(chunk_size=500),
            layout=job.layout,
            edition_name=job.edition.name_en,
            progress=progress,
        )
        job.refresh_from_db()
        job.pdf.save(f"badges-{job.edition.slug}-{job.pk}.pdf", ContentFile(pdf), save=False)
        job.status = PrintStatus.FINISHED
        job.finished_at = timezone.now()
        job.save(update_fields=["pdf", "status", "finished_at"])
    except Exception as error:  # the job records any failure for the organiser to see
        logger.exception("badge printing %s failed", job.pk)
        BadgePrint.objects.filter(pk=job.pk).update(
            status=PrintStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )


@task()
def print_badges_task(job_pk: int) -> int:
    """Background task: print one job's badges."""
    run_printing(job_pk)
    return job_pk

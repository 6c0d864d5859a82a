"""Write-side functions for enterprises and their applications."""

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process, utils

from fairmatch.conference.models import Edition
from fairmatch.enterprises.domain.qualification import refresh_participation
from fairmatch.enterprises.models import Enterprise, Participation

# Sent after an applicant saved descriptions (kwargs: participations, enterprises), so other
# apps can react (matching computes the texts' embeddings).
descriptions_saved = Signal()

# Apps above this one that own a part of the application (the exhibition) add a check here
# (in their AppConfig.ready): given the participation, it says what its part still lacks.
completeness_checks: list[Callable[[Participation], list[Promise]]] = []

# Names at least this similar (0-100, token-set ratio) in the same country are likely one firm.
DUPLICATE_NAME_SIMILARITY = 88


class ApplicationError(Exception):
    """An application cannot be started or changed; the message says why."""


def start_application(
    *, enterprise: Enterprise, edition: Edition, is_negotiator: bool, is_exhibitor: bool
) -> Participation:
    """Open a draft application of an enterprise to an edition (one per edition)."""
    if not edition.accepts_applications:
        raise ApplicationError(_("This edition does not accept applications."))
    if not (is_negotiator or is_exhibitor):
        raise ApplicationError(_("Choose at least one role: negotiations or exhibition."))
    if enterprise.duplicate_question_open:
        raise ApplicationError(
            _(
                "Enterprises with a very similar name are already registered: first tell us "
                "whether yours is one of them."
            )
        )
    try:
        with transaction.atomic():
            participation = Participation.objects.create(
                enterprise=enterprise,
                edition=edition,
                is_negotiator=is_negotiator,
                is_exhibitor=is_exhibitor,
            )
    except IntegrityError as error:
        raise ApplicationError(_("Your enterprise has already applied to this edition.")) from error
    refresh_participation(participation)
    return participation


def application_changed(*, participation: Participation) -> None:
    """The applicant saved part of the application: re-evaluate the rules."""
    refresh_participation(participation)
    descriptions_saved.send(sender=Participation, participations=[participation], enterprises=[])


def completeness_problems(*, participation: Participation) -> list[Promise]:
    """What is missing before the application can be submitted (empty when complete)."""
    problems = []
    enterprise = participation.enterprise
    if not participation.delegates.filter(is_attending=True).exists():
        problems.append(_("Name at least one attending delegate."))
    if participation.is_negotiator and enterprise.is_buyer and not participation.demands.exists():
        problems.append(_("Describe at least one demand (the contract you bring)."))
    if (
        participation.is_negotiator
        and enterprise.is_provider
        and not participation.capabilities.exists()
    ):
        problems.append(_("Describe at least one capability (the service you offer)."))
    for check in completeness_checks:
        problems += check(participation)
    return problems


def probable_duplicates(
    *, name_original: str, name_en: str, country: str, exclude_pk: Any = None, limit: int = 3
) -> list[Enterprise]:
    """Enterprises of the same country whose name is very close to one of the given names."""
    candidates = Enterprise.objects.filter(country=country).exclude(pk=exclude_pk)
    choices = {}
    for enterprise in candidates.only("pk", "name_original", "name_en"):
        choices[(enterprise.pk, "o")] = enterprise.name_original
        choices[(enterprise.pk, "e")] = enterprise.name_en
    similar_pks: list[Any] = []
    for name in {name_original, name_en} - {""}:
        for _match, _score, key in process.extract(
            name,
            choices,
            scorer=fuzz.token_set_ratio,
            processor=utils.default_process,
            score_cutoff=DUPLICATE_NAME_SIMILARITY,
            limit=limit,
        ):
            if key[0] not in similar_pks:
                similar_pks.append(key[0])
    found = Enterprise.objects.in_bulk(similar_pks)
    return [found[pk] for pk in similar_pks[:limit]]


def profile_changed(*, enterprise: Enterprise) -> None:
    """The enterprise's profile changed (country, fields): re-evaluate its open applications."""
    for participation in enterprise.participations.exclude(state__in=["withdrawn", "rejected"]):
        refresh_participation(participation)
    descriptions_saved.send(sender=Enterprise, participations=[], enterprises=[enterprise])

"""Who may do what through the API: the site's own decisions, narrowed by the token.

Each decision calls the function the site's views call (``is_organiser``,
``may_see_directory``, ``viewer_participation``, ``own_participation``,
``party_participation``); the token only narrows it further: an organiser's token acts in
its edition alone, and a read token never writes.
"""

from dataclasses import dataclass
from typing import Any

from fairmatch.api.models import ApiToken
from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.matching.domain.directory import may_see_directory, viewer_participation
from fairmatch.outcomes.domain.intentions import party_participation
from fairmatch.scheduling.domain.agendas import own_participation


@dataclass(frozen=True)
class Principal:
    """Who asks: the user, and the token it used (None: the site's session)."""

    user: Any
    token: ApiToken | None = None

    @property
    def may_write(self) -> bool:
        return self.token is None or self.token.may_write

    def reaches(self, edition: Edition) -> bool:
        """False for an organiser's token of another edition: it sees nothing here."""
        return self.token is None or self.token.edition_id in (None, edition.pk)

    @property
    def rate_key(self) -> str:
        return f"token:{self.token.pk}" if self.token else f"user:{self.user.pk}"


def visible_editions(principal: Principal) -> list[int] | None:
    """The editions the principal may name (None: all of them)."""
    if principal.token is not None and principal.token.edition_id is not None:
        return [principal.token.edition_id]
    return None


def is_organiser_of(principal: Principal, edition: Edition) -> bool:
    """The organiser's pages' decision (``organiser_required``), in the token's edition."""
    return bool(principal.user.is_organiser) and principal.reaches(edition)


def may_see_directory_of(principal: Principal, edition: Edition) -> bool:
    return principal.reaches(edition) and may_see_directory(user=principal.user, edition=edition)


def listed_participation_of(principal: Principal, edition: Edition) -> Participation | None:
    """The user's listed participation (directory, requests, recommendations)."""
    if not principal.reaches(edition):
        return None
    return viewer_participation(user=principal.user, edition=edition)


def agenda_participation_of(principal: Principal, edition: Edition) -> Participation | None:
    """The participation whose agenda the user reads (the agenda page's decision)."""
    if not principal.reaches(edition):
        return None
    return own_participation(user=principal.user, edition=edition)


def intention_party_of(principal: Principal, edition: Edition) -> Participation | None:
    """The participation whose intentions the user sees and answers (the participant's
    intentions page's decision)."""
    if not principal.reaches(edition):
        return None
    return party_participation(user=principal.user, edition=edition)


def may_read_participation(principal: Principal, participation: Participation) -> bool:
    """Organisers read every participation of their edition; members their enterprise's."""
    if is_organiser_of(principal, participation.edition):
        return True
    return (
        principal.user.enterprise_id is not None
        and participation.enterprise_id == principal.user.enterprise_id
    )

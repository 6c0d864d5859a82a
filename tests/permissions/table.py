"""The permission table: for every URL pattern, how to fill it and what each role gets.

One entry per pattern name (``namespace:name``; the route where a pattern has no name):
``Entry(get, post, fill, more)``. ``get``, ``post`` and the values of ``more`` (other
methods) are expectations (see ``outcomes``: who -> outcome, most specific key wins);
``post=None`` means the pattern is not asked with POST. ``fill`` (see ``fills``) names the
variants and fills the parameters. The admin, a library's group of patterns, gets one
rule for the whole group (``ADMIN``) with exceptions by name (``ADMIN_EXCEPTIONS``).

Pages that name no object (the agenda, its PDF, the availability, the inbox) are the
member's own by construction; their ``other_edition`` variant asks for them in an edition
where the member's enterprise took no part.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.permissions import fills
from tests.permissions.fills import (
    COUNTERPART,
    EDITION,
    FEED,
    NO_ARGS,
    PARTICIPATION,
    REVIEWED_PARTICIPATION,
    Fill,
    answer_request,
    edition_and,
    edition_object,
    edition_objects_query,
)
from tests.permissions.outcomes import (
    BAD_REQUEST,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REAUTH,
    UNAUTHORIZED,
    Expect,
)
from tests.permissions.walk import Route
from tests.permissions.world import ROLES, SUPERUSER

SITE_ROLES = tuple(role for role in ROLES if role != SUPERUSER)


@dataclass(frozen=True)
class Entry:
    get: Expect
    post: Expect | None = None  # None: not asked with POST (the view changes nothing)
    fill: Fill = NO_ARGS
    # Other methods, for API endpoints: {"PUT": ..., "PATCH": ..., "DELETE": ...}.
    more: dict[str, Expect] = field(default_factory=dict)
    # The superuser is an organiser everywhere but in the admin: asked there only.
    roles: tuple[str, ...] = SITE_ROLES

    def methods(self) -> list[tuple[str, Expect]]:
        """Each method the pattern is asked with, and what it should answer."""
        asked = [("GET", self.get)] + ([("POST", self.post)] if self.post else [])
        return asked + list(self.more.items())


# --- Rules shared by many patterns ---------------------------------------------------------

PUBLIC: Expect = {"*": OK}
# Organiser pages: anonymous users are sent to log in, everyone else but staff refused.
ORGANISER: Expect = {"anonymous": LOGIN, "staff": OK, "*": FORBIDDEN}
# ... naming an object: one of another edition is not found through this edition's address.
ORGANISER_OBJECT: Expect = {**ORGANISER, "staff@other_edition": NOT_FOUND}
# GET on an organiser action that only takes POST.
ORGANISER_POST_ONLY: Expect = {**ORGANISER, "staff": NOT_ALLOWED}
# Enterprise members' own pages: no enterprise (organisers included), no page.
MEMBER: Expect = {"anonymous": LOGIN, "members": OK, "*": FORBIDDEN}
# A participant's pages of an edition: its own participation there, or refused.
PARTICIPANT: Expect = {**MEMBER, "members@other_edition": FORBIDDEN}
# GET on a logged-in user's action that only takes POST.
LOGGED_IN_POST_ONLY: Expect = {"anonymous": LOGIN, "*": NOT_ALLOWED}
# Account pages (allauth) for logged-in users of every kind.
ACCOUNT: Expect = {"anonymous": LOGIN, "*": OK}
# ... about the user's second factor, which only organisers have; others confirm their
# password instead.
WITH_TOTP: Expect = {"anonymous": LOGIN, "staff": OK, "*": REAUTH}
# ... about something of the user's that does not exist (or is someone else's).
NO_SUCH_THING: Expect = {"anonymous": LOGIN, "*": NOT_FOUND}
# The directory and counterparts: organisers, and listed participants of this edition.
DIRECTORY: Expect = {
    "anonymous": LOGIN,
    "staff": OK,
    "members": OK,
    "*": FORBIDDEN,
    "members@other_edition": FORBIDDEN,
}

# An exhibitor's own pages (leads): its exhibitor participation in the edition, or refused.
EXHIBITOR_ONLY: Expect = {
    "anonymous": LOGIN,
    "exhibitor": OK,
    "*": FORBIDDEN,
    "exhibitor@other_edition": FORBIDDEN,
}

# The REST API, asked with the site's session (tokens: tests/api/test_isolation.py): no
# credentials answer 401; the same decisions as the pages, answered 403 or 404.
API_ANYONE: Expect = {"anonymous": UNAUTHORIZED, "*": OK}
API_ORGANISER: Expect = {"anonymous": UNAUTHORIZED, "staff": OK, "*": FORBIDDEN}
API_MEMBER: Expect = {"anonymous": UNAUTHORIZED, "staff": OK, "members": OK, "*": FORBIDDEN}
API_LISTED: Expect = {
    "anonymous": UNAUTHORIZED,
    "staff": OK,
    "members": OK,
    "*": FORBIDDEN,
    "members@other_edition": FORBIDDEN,
}
API_PARTICIPANT: Expect = {**API_LISTED, "staff": FORBIDDEN}
API_PARTICIPATION: Expect = {
    "anonymous": UNAUTHORIZED,
    "staff": OK,
    "staff@other_edition": NOT_FOUND,
    "members@own": OK,
    "*": NOT_FOUND,
}
# A JSON endpoint asked with a form (as the matrix posts): the body is refused, after the
# credentials are checked and before anything else.
API_WRITE: Expect = {"anonymous": UNAUTHORIZED, "*": BAD_REQUEST}
API_POST_ONLY: Expect = {"*": NOT_ALLOWED}

TABLE: dict[str, Entry] = {
    # --- web, i18n ---
    "web:home": Entry(PUBLIC),
    # Sends each logged-in person to its landing page (a redirect elsewhere than a login).
    "web:start": Entry(ACCOUNT),
    "web:delegate_home": Entry(PARTICIPANT, fill=EDITION),
    "web:health": Entry(PUBLIC),
    "web:favicon": Entry(PUBLIC),
    "set_language": Entry(PUBLIC, post=PUBLIC),
    # --- accounts (ours) ---
    "accounts:welcome": Entry(MEMBER, post=MEMBER),
    # --- accounts (allauth) ---
    "account_login": Entry(PUBLIC, post=PUBLIC),
    "account_logout": Entry(PUBLIC, post=PUBLIC),
    "account_inactive": Entry(PUBLIC),
    "account_signup": Entry(PUBLIC, post=PUBLIC),
    "account_reauthenticate": Entry(ACCOUNT, post=ACCOUNT),
    "account_request_reauthentication_code": Entry(ACCOUNT, post=ACCOUNT),
    "account_confirm_reauthentication_code": Entry(ACCOUNT, post=ACCOUNT),
    "account_email": Entry(ACCOUNT, post=ACCOUNT),
    "account_email_verification_sent": Entry(PUBLIC),
    "account_change_password": Entry(ACCOUNT, post=ACCOUNT),
    "account_set_password": Entry(ACCOUNT, post=ACCOUNT),
    "account_reset_password": Entry(PUBLIC, post=PUBLIC),
    # No login by code is pending: back to the login page.
    "account_confirm_login_code": Entry(ACCOUNT, post=ACCOUNT),
    # An unknown key: the page says so (GET); nothing to confirm (POST).
    "account_confirm_email": Entry(
        PUBLIC, post={"*": NOT_FOUND}, fill=fills.values(key="no-such-key")
    ),
    "account_reset_password_from_key_done": Entry(PUBLIC),
    "account_reset_password_from_key": Entry(
        PUBLIC, post=PUBLIC, fill=fills.values(uidb36="zz", key="no-such-key")
    ),
    "account_reset_password_done": Entry(PUBLIC),
    "mfa_index": Entry(ACCOUNT),
    # No login waits for its second factor: back to the login page.
    "mfa_authenticate": Entry(ACCOUNT, post=ACCOUNT),
    # Only organisers have a second factor; the others confirm their password instead.
    "mfa_reauthenticate": Entry(WITH_TOTP, post=WITH_TOTP),
    "mfa_activate_totp": Entry(ACCOUNT, post=ACCOUNT),
    "mfa_deactivate_totp": Entry({**WITH_TOTP, "*": NOT_FOUND}, post={**WITH_TOTP, "*": NOT_FOUND}),
    # Nobody has generated recovery codes yet.
    "mfa_view_recovery_codes": Entry(NO_SUCH_THING),
    "mfa_generate_recovery_codes": Entry(ACCOUNT, post=ACCOUNT),
    "mfa_download_recovery_codes": Entry(NO_SUCH_THING),
    "mfa_list_webauthn": Entry(ACCOUNT),
    "mfa_add_webauthn": Entry(ACCOUNT, post=ACCOUNT),
    # Nobody has a security key of their own: the password is asked instead.
    "mfa_reauthenticate_webauthn": Entry(
        {"anonymous": LOGIN, "*": REAUTH}, post={"anonymous": LOGIN, "*": REAUTH}
    ),
    # Another organiser's security key: nobody else finds it.
    "mfa_remove_webauthn": Entry(NO_SUCH_THING, post=NO_SUCH_THING, fill=fills.COLLEAGUES_KEY),
    "mfa_edit_webauthn": Entry(NO_SUCH_THING, post=NO_SUCH_THING, fill=fills.COLLEAGUES_KEY),
    # --- enterprises: the applicant's pages ---
    "enterprises:my_applications": Entry(MEMBER),
    "enterprises:participation": Entry(
        {**MEMBER, "members": NOT_FOUND, "members@own": OK}, fill=PARTICIPATION
    ),
    "enterprises:profile": Entry(MEMBER, post=MEMBER),
    "enterprises:application": Entry(MEMBER, post=MEMBER, fill=EDITION),
    "confirmation:answer": Entry(
        {"*": OK, "*@unknown": NOT_FOUND},
        post={"*": BAD_REQUEST, "*@unknown": NOT_FOUND},
        fill=fills.CONFIRMATION,
    ),
    # --- enterprises: the organiser's review ---
    "review:queue": Entry(ORGANISER, fill=EDITION),
    "review:bulk": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "review:detail": Entry(ORGANISER_OBJECT, fill=REVIEWED_PARTICIPATION),
    "review:decide": Entry(
        ORGANISER_POST_ONLY,
        post={**ORGANISER_OBJECT, "staff@own": BAD_REQUEST},
        fill=REVIEWED_PARTICIPATION,
    ),
    "review:request_confirmation": Entry(
        ORGANISER_POST_ONLY,
        post=ORGANISER_OBJECT,
        fill=REVIEWED_PARTICIPATION,
    ),
    # --- conference: rules and rates ---
    "rules:list": Entry(ORGANISER, fill=EDITION),
    "rules:add": Entry(
        ORGANISER,
        post={**ORGANISER, "staff": BAD_REQUEST},
        fill=edition_and(kind="min_contract_value"),
    ),
    "rules:edit": Entry(
        ORGANISER_OBJECT,
        post={**ORGANISER_OBJECT, "staff@own": BAD_REQUEST},
        fill=edition_object("rule"),
    ),
    "rules:toggle": Entry(ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("rule")),
    "rules:delete": Entry(ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("rule")),
    "rules:rate_save": Entry(
        ORGANISER_POST_ONLY, post={**ORGANISER, "staff": BAD_REQUEST}, fill=EDITION
    ),
    "rules:rate_delete": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("rate")
    ),
    # --- matching: the organiser's pages ---
    "matching_admin:overview": Entry(ORGANISER, post=ORGANISER, fill=EDITION),
    "matching_admin:arrange": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "matching_admin:wishes": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "matching_admin:suggestions": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "matching_admin:recommendations": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    # --- matching: the participants' pages ---
    "matching:directory": Entry(DIRECTORY, fill=EDITION),
    "matching:counterpart": Entry(
        {**DIRECTORY, "staff@other_edition": NOT_FOUND, "members@other_edition": NOT_FOUND},
        post={**DIRECTORY, "staff@other_edition": NOT_FOUND, "members@other_edition": NOT_FOUND},
        fill=COUNTERPART,
    ),
    "matching:inbox": Entry(PARTICIPANT, fill=EDITION),
    "matching:answer": Entry(
        LOGGED_IN_POST_ONLY,
        post={"anonymous": LOGIN, "negotiators@own": OK, "*": NOT_FOUND},
        fill=answer_request("decline"),
    ),
    # --- scheduling: the participants' pages ---
    "scheduling:agenda": Entry(PARTICIPANT, fill=EDITION),
    "scheduling:new_feed_address": Entry(LOGGED_IN_POST_ONLY, post=PARTICIPANT, fill=EDITION),
    "scheduling:agenda_pdf": Entry(PARTICIPANT, fill=EDITION),
    "scheduling:availability": Entry(PARTICIPANT, post=PARTICIPANT, fill=EDITION),
    "calendar:feed": Entry({"*": OK, "*@replaced": NOT_FOUND, "*@unknown": NOT_FOUND}, fill=FEED),
    # --- scheduling: the organiser's pages ---
    "scheduling_admin:overview": Entry(ORGANISER, fill=EDITION),
    "scheduling_admin:add_session": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:delete_session": Entry(
        ORGANISER_OBJECT, post=ORGANISER_OBJECT, fill=edition_object("session")
    ),
    "scheduling_admin:add_tables": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:start_run": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:compare": Entry(
        {**ORGANISER, "staff@other_edition": BAD_REQUEST},
        fill=edition_objects_query("run", "run"),
    ),
    "scheduling_admin:run": Entry(ORGANISER_OBJECT, fill=edition_object("run")),
    "scheduling_admin:run_action": Entry(
        ORGANISER_POST_ONLY,
        post=ORGANISER_OBJECT,
        fill=edition_object("run", action="cancel"),
    ),
    "scheduling_admin:apply_run": Entry(
        ORGANISER_OBJECT, post=ORGANISER_OBJECT, fill=edition_object("run")
    ),
    "scheduling_admin:release_all_decisions": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION
    ),
    "scheduling_admin:release_decision": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("meeting")
    ),
    "scheduling_admin:reset": Entry(ORGANISER, post=ORGANISER, fill=edition_and(number=1)),
    "scheduling_admin:board": Entry(ORGANISER, fill=EDITION),
    # Asked without a meeting and a place, the check answers 400 (JSON) to staff.
    "scheduling_admin:board_check": Entry({**ORGANISER, "staff": BAD_REQUEST}, fill=EDITION),
    "scheduling_admin:board_details": Entry(ORGANISER_OBJECT, fill=edition_object("meeting")),
    "scheduling_admin:board_undo": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("board_action")
    ),
    "scheduling_admin:move": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:swap": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:edit": Entry(
        ORGANISER_POST_ONLY,
        post=ORGANISER_OBJECT,
        fill=edition_object("meeting", action="lock"),
    ),
    "scheduling_admin:publish": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:absent": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:reschedule": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "scheduling_admin:print": Entry(ORGANISER, fill=EDITION),
    "scheduling_admin:participant_feeds": Entry(
        ORGANISER_OBJECT, post=ORGANISER_OBJECT, fill=REVIEWED_PARTICIPATION
    ),
    # --- exhibition: booth allocation ---
    "exhibition_allocation:overview": Entry(ORGANISER, fill=EDITION),
    "exhibition_allocation:start_run": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "exhibition_allocation:compare": Entry(
        {**ORGANISER, "staff@other_edition": BAD_REQUEST},
        fill=edition_objects_query("allocation_run", "run"),
    ),
    "exhibition_allocation:run": Entry(ORGANISER_OBJECT, fill=edition_object("allocation_run")),
    "exhibition_allocation:cancel_run": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("allocation_run")
    ),
    "exhibition_allocation:apply_run": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("allocation_run")
    ),
    "exhibition_allocation:assign": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "exhibition_allocation:swap": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "exhibition_allocation:booth_action": Entry(
        ORGANISER_POST_ONLY,
        post=ORGANISER_OBJECT,
        fill=edition_object("allocation_booth", action="lock"),
    ),
    "exhibition_allocation:publish": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    # --- onsite: the organiser's day ---
    "onsite_admin:checkin": Entry(
        ORGANISER, post={**ORGANISER, "staff": BAD_REQUEST}, fill=EDITION
    ),
    "onsite_admin:walk_in": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("delegate")
    ),
    "onsite_admin:badge_pdf": Entry(ORGANISER_OBJECT, fill=edition_object("badge")),
    "onsite_admin:replace": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("badge")
    ),
    "onsite_admin:badges": Entry(ORGANISER, fill=EDITION),
    "onsite_admin:print": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "onsite_admin:print_job": Entry(ORGANISER_OBJECT, fill=edition_object("print")),
    # The job has not run: no PDF yet.
    "onsite_admin:print_pdf": Entry(
        {**ORGANISER, "staff": NOT_FOUND}, fill=edition_object("print")
    ),
    "onsite_admin:meetings": Entry(ORGANISER, fill=EDITION),
    "onsite_admin:mark": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("meeting")
    ),
    "onsite_admin:absent": Entry(
        ORGANISER_POST_ONLY, post={**ORGANISER, "staff": BAD_REQUEST}, fill=EDITION
    ),
    "onsite_admin:press": Entry(ORGANISER, fill=EDITION),
    "onsite_admin:press_decide": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("press")
    ),
    # --- exhibition: the organiser's plan editor ---
    # An empty form: refused as a bad request.
    "floorplan_admin:halls": Entry(
        ORGANISER, post={**ORGANISER, "staff": BAD_REQUEST}, fill=EDITION
    ),
    "floorplan_admin:hall": Entry(ORGANISER_OBJECT, fill=edition_object("hall")),
    "floorplan_admin:hall_pdf": Entry(ORGANISER_OBJECT, fill=edition_object("hall")),
    # Empty forms: back to the hall with the form's errors (nothing written).
    "floorplan_admin:hall_update": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("hall")
    ),
    "floorplan_admin:zone_add": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("hall")
    ),
    "floorplan_admin:zone_edit": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("zone")
    ),
    "floorplan_admin:zone_delete": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("zone")
    ),
    "floorplan_admin:booth_add": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("hall")
    ),
    "floorplan_admin:booth_edit": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("booth")
    ),
    "floorplan_admin:booth_split": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("booth")
    ),
    "floorplan_admin:booth_merge": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("booth")
    ),
    # No version sent: refused as a stale page, back to the hall.
    "floorplan_admin:booth_delete": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("booth")
    ),
    # --- exhibition: the published floor plan (public; the previous edition has none) ---
    "floorplan:plan": Entry(PUBLIC, fill=EDITION),
    "floorplan:plan_pdf": Entry({"*": OK, "*@other_edition": NOT_FOUND}, fill=EDITION),
    # --- spreadsheets: the organiser's imports and exports ---
    "spreadsheets:import": Entry(ORGANISER, fill=EDITION),
    # An empty form: refused as a bad request.
    "spreadsheets:upload": Entry(
        ORGANISER_POST_ONLY, post={**ORGANISER, "staff": BAD_REQUEST}, fill=EDITION
    ),
    "spreadsheets:job": Entry(ORGANISER_OBJECT, fill=edition_object("import")),
    # The file of the fixture has no row: nothing to import, back to its page.
    "spreadsheets:commit": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("import")
    ),
    "spreadsheets:template": Entry(ORGANISER, fill=edition_and(kind="enterprises", fmt="xlsx")),
    "spreadsheets:export": Entry(ORGANISER, fill=EDITION),
    "spreadsheets:download": Entry(ORGANISER, fill=edition_and(slug="applications", fmt="csv")),
    # --- exhibition: the exhibitor's own pages ---
    # E is qualified: its application is no longer a draft, so the form sends it on (OK).
    "exhibition:apply": Entry(EXHIBITOR_ONLY, post=EXHIBITOR_ONLY, fill=EDITION),
    "exhibition:mine": Entry(EXHIBITOR_ONLY, fill=EDITION),
    "exhibition:staff_add": Entry(
        {"anonymous": LOGIN, "members": NOT_ALLOWED, "*": FORBIDDEN},
        post=EXHIBITOR_ONLY,
        fill=EDITION,
    ),
    "exhibition:staff_edit": Entry(
        {"anonymous": LOGIN, "exhibitor@own": OK, "exhibitor": NOT_FOUND, "*": FORBIDDEN},
        post={"anonymous": LOGIN, "exhibitor@own": OK, "exhibitor": NOT_FOUND, "*": FORBIDDEN},
        fill=fills.BOOTH_STAFF,
    ),
    "exhibition:staff_remove": Entry(
        {"anonymous": LOGIN, "members": NOT_ALLOWED, "*": FORBIDDEN},
        post={"anonymous": LOGIN, "exhibitor@own": OK, "exhibitor": NOT_FOUND, "*": FORBIDDEN},
        fill=fills.BOOTH_STAFF,
    ),
    # --- exhibition: the organiser's sponsor tier, beside the review ---
    "exhibition_review:sponsor_tier": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("exhibitor")
    ),
    # --- onsite: participants, exhibitors, press ---
    "onsite:my_day": Entry(PARTICIPANT, fill=EDITION),
    "onsite:mark": Entry(
        LOGGED_IN_POST_ONLY,
        post={"anonymous": LOGIN, "negotiators@own": OK, "members": NOT_FOUND, "*": FORBIDDEN},
        fill=fills.day_meeting(),
    ),
    "onsite:leads": Entry(
        EXHIBITOR_ONLY, post={**EXHIBITOR_ONLY, "exhibitor": BAD_REQUEST}, fill=EDITION
    ),
    "onsite:edit_lead": Entry(
        LOGGED_IN_POST_ONLY,
        post={"anonymous": LOGIN, "exhibitor@own": OK, "exhibitor": NOT_FOUND, "*": FORBIDDEN},
        fill=fills.LEAD,
    ),
    "onsite:export_csv": Entry(EXHIBITOR_ONLY, fill=EDITION),
    "onsite:export_xlsx": Entry(EXHIBITOR_ONLY, fill=EDITION),
    # Public; a finished edition takes no more accreditations.
    "press_accreditation:register": Entry(
        {"*": OK, "*@other_edition": NOT_FOUND},
        post={"*": BAD_REQUEST, "*@other_edition": NOT_FOUND},
        fill=EDITION,
    ),
    # --- reports ---
    "reports:overview": Entry(ORGANISER, fill=EDITION),
    "reports:freeze": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    # The press page and fact sheets are public: aggregates only.
    "press:page": Entry(PUBLIC, fill=EDITION),
    # The exhibitor directory is public: published booths and qualified exhibitors only.
    "exhibitors:directory": Entry(PUBLIC, fill=EDITION),
    "press:fact_sheet": Entry(
        {"*": OK, "*@other_edition": NOT_FOUND}, fill=edition_object("snapshot")
    ),
    # --- outcomes: the participants' intentions ---
    "outcomes:mine": Entry(PARTICIPANT, fill=EDITION),
    "outcomes:record": Entry(LOGGED_IN_POST_ONLY, post=PARTICIPANT, fill=EDITION),
    # Only the parties of an intention find it; the answer itself checks which side asks.
    "outcomes:answer": Entry(
        LOGGED_IN_POST_ONLY,
        post={"anonymous": LOGIN, "negotiators@own": OK, "members": NOT_FOUND, "*": FORBIDDEN},
        fill=fills.intention(action="confirm"),
    ),
    # The signed document: the two parties and the organisers; nobody else finds it.
    "outcomes:document": Entry(
        {
            "anonymous": LOGIN,
            "staff": OK,
            "negotiators@own": OK,
            "*": NOT_FOUND,
            "staff@other_edition": NOT_FOUND,
        },
        fill=fills.intention(),
    ),
    "follow_up:answer": Entry(
        {"*": OK, "*@unknown": NOT_FOUND},
        post={"*": BAD_REQUEST, "*@unknown": NOT_FOUND},
        fill=fills.FOLLOW_UP,
    ),
    # --- outcomes: the organiser's page ---
    "outcomes_admin:overview": Entry(ORGANISER, fill=EDITION),
    "outcomes_admin:ceremony": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    "outcomes_admin:start_follow_up": Entry(ORGANISER_POST_ONLY, post=ORGANISER, fill=EDITION),
    # --- API tokens (the account's) and webhooks (the organiser's) ---
    "api_pages:tokens": Entry(
        {"anonymous": LOGIN, "staff": OK, "members": OK, "*": FORBIDDEN},
        post={"anonymous": LOGIN, "staff": OK, "members": OK, "*": FORBIDDEN},
    ),
    "api_pages:revoke": Entry(
        LOGGED_IN_POST_ONLY, post={"anonymous": LOGIN, "*": NOT_FOUND}, fill=fills.COLLEAGUES_TOKEN
    ),
    "webhooks:list": Entry(ORGANISER, post=ORGANISER, fill=EDITION),
    "webhooks:delete": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("webhook")
    ),
    "webhooks:replay": Entry(
        ORGANISER_POST_ONLY, post=ORGANISER_OBJECT, fill=edition_object("delivery")
    ),
    # --- REST API ---
    # ninja's root page answers only with DEBUG on; the docs are at api/v1/docs.
    "api:api-root": Entry({"*": NOT_FOUND}),
    "api:openapi-json": Entry(PUBLIC),
    "api:openapi-view": Entry(PUBLIC),
    "api:list_editions": Entry(API_ANYONE),
    "api:get_edition": Entry(API_ANYONE, fill=EDITION),
    "api:get_figures": Entry(API_ORGANISER, fill=EDITION),
    "api:list_participations": Entry(API_MEMBER, fill=EDITION),
    "api:get_participation": Entry(API_PARTICIPATION, fill=fills.API_PARTICIPATION),
    "api:list_rule_results": Entry(
        {**API_ORGANISER, "staff@other_edition": NOT_FOUND}, fill=fills.API_PARTICIPATION
    ),
    "api:transition_participation": Entry(
        API_POST_ONLY, post=API_WRITE, fill=fills.API_PARTICIPATION
    ),
    "api:list_directory": Entry(API_LISTED, fill=EDITION),
    "api:list_recommendations": Entry(API_PARTICIPANT, fill=EDITION),
    "api:list_meeting_requests": Entry(API_LISTED, fill=EDITION),
    "api:send_meeting_request": Entry(API_LISTED, post=API_WRITE, fill=EDITION),
    "api:accept_meeting_request": Entry(API_POST_ONLY, post=API_WRITE, fill=fills.api_request()),
    "api:decline_meeting_request": Entry(API_POST_ONLY, post=API_WRITE, fill=fills.api_request()),
    "api:get_schedule": Entry(API_ORGANISER, fill=EDITION),
    "api:get_agenda": Entry(API_PARTICIPANT, fill=EDITION),
    "api:list_check_ins": Entry(API_ORGANISER, fill=EDITION),
    # Intentions: the organiser's all, a participant's its own (the intentions page's
    # decision); only a party answers, and the answer's body is checked first.
    "api:list_intentions": Entry(API_LISTED, fill=EDITION),
    "api:confirm_intention": Entry(API_POST_ONLY, post=API_WRITE, fill=fills.intention()),
    "api:dispute_intention": Entry(API_POST_ONLY, post=API_WRITE, fill=fills.intention()),
    # The published floor plan and the exhibitors: public facts, to any caller.
    "api:list_booths": Entry(API_ANYONE, fill=EDITION),
    "api:list_exhibitors": Entry(API_ANYONE, fill=EDITION),
}

# --- The admin (Django's): one rule for the group, exceptions by name ------------------------

# Users who are not staff are sent to log in; staff without model permissions (the
# organiser) are refused the model pages; the superuser sees everything.
ADMIN: Expect = {"anonymous": LOGIN, "organiser": FORBIDDEN, "superuser": OK, "*": LOGIN}
ADMIN_STAFF: Expect = {**ADMIN, "organiser": OK}  # pages for any staff member
ADMIN_NOT_FOUND: Expect = {**ADMIN, "organiser": NOT_FOUND, "superuser": NOT_FOUND}
ADMIN_READ_ONLY: Expect = {**ADMIN, "superuser": FORBIDDEN}  # audit log, task results
ADMIN_EXCEPTIONS: dict[str, Expect] = {
    "admin:index": ADMIN_STAFF,
    # Logged-in users who are not staff are refused rather than asked to log in again.
    "admin:login": {**ADMIN_STAFF, "*": FORBIDDEN},
    # Logging out takes POST; others are sent to the admin's index (and so to log in).
    "admin:logout": {"staff": NOT_ALLOWED, "*": OK},
    "admin:password_change": ADMIN_STAFF,
    "admin:password_change_done": ADMIN_STAFF,
    "admin:jsi18n": ADMIN_STAFF,
    "admin:autocomplete": {**ADMIN, "superuser": FORBIDDEN},  # asked without its parameters
    "admin:view_on_site": ADMIN_NOT_FOUND,  # editions have no public page
    "admin:app_list": {**ADMIN, "organiser": NOT_FOUND},  # no permission in the app
    "admin:core_auditentry_add": ADMIN_READ_ONLY,
    "admin:core_auditentry_delete": ADMIN_READ_ONLY,
    "admin:django_tasks_database_dbtaskresult_add": ADMIN_READ_ONLY,
    "admin:django_tasks_database_dbtaskresult_delete": ADMIN_READ_ONLY,
}
# Unnamed: <model>/<pk>/ redirects staff to <model>/<pk>/change/; anything else not found.
ADMIN_UNNAMED = (("<path:object_id>/", ADMIN_STAFF), ("(?P<url>.*)$", ADMIN_NOT_FOUND))


def _admin_entry(route: Route) -> Entry:
    expect = ADMIN_EXCEPTIONS.get(route.key, ADMIN)
    if route.name is None:
        expect = next(rule for suffix, rule in ADMIN_UNNAMED if route.route.endswith(suffix))
    return Entry(expect, fill=fills.admin(route.route), roles=ROLES)


GROUPS: list[tuple[str, Callable[[Route], Entry]]] = [("admin/", _admin_entry)]


def entry_for(route: Route) -> Entry | None:
    """The table's entry for the pattern, or the entry of the library group it belongs to."""
    if route.key in TABLE:
        return TABLE[route.key]
    for prefix, entry in GROUPS:
        if route.route.startswith(prefix):
            return entry(route)
    return None

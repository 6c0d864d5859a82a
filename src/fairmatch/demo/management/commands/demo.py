"""``fairmatch demo [--seed N] [--no-serve] [--port 8000] [--force]``."""

import datetime
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fairmatch.accounts.models import User
from fairmatch.api.domain.tokens import issue_token
from fairmatch.api.models import TokenScope
from fairmatch.core.interfaces import arguments
from fairmatch.demo.embeddings import SHIPPED, save_vectors
from fairmatch.demo.exhibition import build_exhibition
from fairmatch.demo.generator import (
    DEFAULT_SEED,
    DEMO_PASSWORD,
    ORGANISER_EMAIL,
    DemoError,
    DemoResult,
    build_demo,
)
from fairmatch.demo.matchmaking import build_matchmaking
from fairmatch.demo.onsite_day import simulate_first_day
from fairmatch.demo.outcomes import build_outcomes
from fairmatch.demo.schedule import build_schedule
from fairmatch.demo.serve import serve
from fairmatch.enterprises.models import Participation
from fairmatch.reports.figures import Figures, Segment, edition_figures
from fairmatch.scheduling.models import Meeting


class Command(BaseCommand):
    help = (
        "Migrate the database, rebuild the reference demo conference from a seed (wiping "
        "the database), print the demo logins and figures, and serve the site."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--seed", type=arguments.seed, default=DEFAULT_SEED, help="same seed, same data"
        )
        parser.add_argument("--no-serve", action="store_true", help="build, print and exit")
        parser.add_argument(
            "--port", type=arguments.int_between(1, 65535), default=8000, help="port to serve on"
        )
        parser.add_argument(
            "--compute-vectors",
            action="store_true",
            help="encode every description with the text model instead of the shipped vectors",
        )
        parser.add_argument(
            "--save-vectors",
            action="store_true",
            help="write the descriptions' vectors as the shipped ones (after a model change)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="wipe the database even if it holds editions the demo did not make",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("Migrating the database ...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Building the reference conference from seed {options['seed']} ...")
        try:
            result = build_demo(seed=options["seed"], force=options["force"])
        except DemoError as error:
            raise CommandError(str(error)) from error
        self._print_summary(result)
        self.stdout.write("Matchmaking: recommendations, fair suggestions, meeting requests ...")
        matchmaking = build_matchmaking(
            edition=result.current_edition,
            organiser=User.objects.get(email=ORGANISER_EMAIL),
            seed=options["seed"],
            shipped_vectors=not options["compute_vectors"],
        )
        if options["save_vectors"]:
            self.stdout.write(f"  {save_vectors()} vectors written to {SHIPPED}")
        self.stdout.write(
            f"  {matchmaking.suggestions} suggested meetings; requests: {matchmaking.accepted} "
            f"accepted, {matchmaking.declined} declined, {matchmaking.pending} waiting; "
            f"{matchmaking.recommendations} recommendations ({matchmaking.seconds:.1f} s, of which "
            f"{matchmaking.embedding_seconds:.1f} s for the descriptions' vectors, "
            f"{matchmaking.embedded} encoded by the model)\n"
        )
        self.stdout.write("Exhibition: halls, booths, applications, allocation, published plan ...")
        exhibition = build_exhibition(
            edition=result.current_edition,
            organiser=User.objects.get(email=ORGANISER_EMAIL),
            seed=options["seed"],
        )
        self.stdout.write(
            f"  {exhibition.exhibitors} exhibitors, {exhibition.foreign} from abroad "
            f"({exhibition.previous_foreign} the edition before); "
            f"{exhibition.taken} of {exhibition.booths} booths taken ({exhibition.solver_status}); "
            f"floor plan {exhibition.release_number} published; {exhibition.booth_meetings} "
            f"negotiations agreed at booths ({exhibition.seconds:.1f} s)\n"
        )
        self.stdout.write("Negotiation schedule: grid, solver run, publication ...")
        schedule = build_schedule(
            edition=result.current_edition, organiser=User.objects.get(email=ORGANISER_EMAIL)
        )
        run = schedule.run
        placed = Meeting.objects.filter(edition=result.current_edition, slot__isnull=False)
        self.stdout.write(
            f"  solver: {run.placed} of {run.meetings} accepted meetings placed; "
            f"published: {placed.count()} "
            f"({run.solver_status}, {run.breaks} breaks, at least {run.breaks_lower_bound}); "
            f"release {schedule.release_number} published ({schedule.seconds:.1f} s)\n"
        )
        self.stdout.write(
            "The first day on site: badges, check-ins, meetings held or missed, leads ..."
        )
        day = simulate_first_day(
            edition=result.current_edition,
            organiser=User.objects.get(email=ORGANISER_EMAIL),
            seed=options["seed"],
        )
        self.stdout.write(
            f"  {day.checked_in} of {day.badges} badges checked in; meetings: {day.held} held, "
            f"{day.missed} missed; {day.leads} leads\n"
        )
        self.stdout.write("Outcomes: signed intentions, follow-up, a press snapshot ...")
        outcomes = build_outcomes(
            current=result.current_edition,
            organiser=User.objects.get(email=ORGANISER_EMAIL),
            seed=options["seed"],
        )
        self.stdout.write(
            f"  previous edition: {outcomes.previous_confirmed} confirmed intentions, "
            f"USD {outcomes.previous_total_usd / 1_000_000:,.1f} million, with a follow-up; "
            f"this edition: {outcomes.current_recorded} intentions after held meetings, "
            f"{outcomes.current_confirmed} confirmed; one press snapshot "
            f"({outcomes.seconds:.1f} s)\n"
        )
        self._print_logins(result)
        self._print_api_token(result, port=options["port"])
        if not options["no_serve"]:
            serve(port=options["port"], out=self.stdout)

    def _print_api_token(self, result: DemoResult, *, port: int) -> None:
        """A read-write API token of the demo organiser for the current edition (30 days)."""
        edition = result.current_edition
        issued = issue_token(
            user=User.objects.get(email=ORGANISER_EMAIL),
            name="Demo",
            scope=TokenScope.READ_WRITE,
            edition=edition,
            expires_at=timezone.now() + datetime.timedelta(days=30),
        )
        base = f"http://127.0.0.1:{port}/api/v1"
        self.stdout.write(self.style.MIGRATE_HEADING("REST API"))
        self.stdout.write(
            f"  docs: {base}/docs   schema: {base}/openapi.json\n"
            f"  the organiser's token for {edition.slug} (read-write, 30 days):\n"
            f"    {issued.plain}\n"
            f'  curl -H "Authorization: Bearer {issued.plain}" '
            f"{base}/editions/{edition.slug}/participations?limit=5\n"
        )

    @staticmethod
    def _growth(figures: Figures) -> str:
        if figures.growth_vs_previous_pct is None:
            return "no previous edition to compare with"
        return f"growth vs {figures.previous_edition}: {figures.growth_vs_previous_pct:+.1f} %"

    def _print_logins(self, result: DemoResult) -> None:
        """The logins last, with each enterprise's state as the later steps left it (the
        exhibition confirms the exhibitors' attendance)."""
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo logins (password: {DEMO_PASSWORD})"))
        states = {
            p.pk: p.get_state_display()
            for p in Participation.objects.filter(
                pk__in=[login.participation_id for login in result.logins]
            )
        }
        for login in result.logins:
            state = states.get(login.participation_id, login.state)
            detail = f"{login.enterprise} – {state}" if login.enterprise else "all editions"
            self.stdout.write(f"  {login.role:<10} {login.email:<30} {detail}")
        self.stdout.write(
            "  Every other enterprise's contact account (see the admin) has the same password."
        )
        secret = result.organiser_totp_secret
        grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        self.stdout.write(
            "  The organiser logs in with a second factor: add this TOTP secret to an "
            f"authenticator app\n    {grouped}\n"
            "  or type one of these single-use recovery codes instead of the app's code:\n"
            f"    {' '.join(result.organiser_recovery_codes)}\n"
        )

    def _print_summary(self, result: DemoResult) -> None:
        plan = result.plan
        self.stdout.write(
            f"Built in {result.seconds:.1f} s: 2 editions, {len(plan.enterprises)} enterprises, "
            f"{len(plan.participations)} applications.\n"
        )
        edition = result.current_edition
        self.stdout.write(self.style.MIGRATE_HEADING(f"{edition.name_en} ({edition.slug})"))
        foreign = edition_figures(edition, segment=Segment.FOREIGN)
        self.stdout.write(
            f"  foreign buyers: {foreign.qualified} enterprises from "
            f"{foreign.countries_qualified} countries qualified, "
            f"{foreign.waiting_confirmation} waiting for confirmation, "
            f"{foreign.rejected} rejected; {self._growth(foreign)}"
        )
        self.stdout.write(f"    expected attendance: {foreign.expected_attendance_formula}")
        domestic = edition_figures(edition, segment=Segment.DOMESTIC)
        self.stdout.write(
            f"  domestic providers and exhibitors: {domestic.qualified} qualified, "
            f"{domestic.waiting_confirmation} waiting for confirmation, "
            f"{domestic.by_state['submitted']} to review; {self._growth(domestic)}"
        )
        self.stdout.write(f"    expected attendance: {domestic.expected_attendance_formula}")
        self.stdout.write("  (`fairmatch figures --json` prints every figure.)\n")

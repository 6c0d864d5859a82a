"""The JSON form of a solution (1-based, as printed by ``fairmatch schedule solve --json``)."""

from __future__ import annotations

import json
from typing import Any

from .errors import InvalidInput
from .problem import Placement, Problem, Solution


def solution_to_json(
    problem: Problem, solution: Solution, *, instance: str, seconds: float
) -> dict[str, Any]:
    """The JSON object of a solution; meetings, slots and tables are 1-based."""
    return {
        "instance": instance,
        "participants": len(problem.participants),
        "meetings": len(problem.meetings),
        "slots": len(problem.slots),
        "tables": len(problem.tables),
        "scheduled": solution.placed_count,
        "placed_weight": solution.placed_weight,
        "placeable_upper_bound": solution.placeable_upper_bound,
        "breaks": solution.total_breaks,
        "breaks_lower_bound": solution.breaks_lower_bound,
        "breaks_per_participant": list(solution.breaks),
        "fairness": solution.fairness,
        "fairness_met": solution.fairness_met,
        "status": str(solution.status),
        "seconds": round(seconds, 3),
        "timings": {phase: round(value, 3) for phase, value in solution.timings.items()},
        "messages": list(solution.messages),
        "assignments": [
            {"meeting": index + 1, "slot": placement.slot + 1, "table": placement.table + 1}
            for index, placement in enumerate(solution.placements)
            if placement is not None
        ],
        "unplaced": [
            {"meeting": index + 1, "reason": reason}
            for index, reason in sorted(solution.unplaced_reasons.items())
        ],
    }


def placements_from_json(problem: Problem, text: str) -> list[Placement | None]:
    """Read the ``assignments`` of a solution JSON; raise InvalidInput naming line and field."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"invalid JSON: {error.msg}", line=error.lineno) from error
    except RecursionError as error:
        raise InvalidInput("invalid JSON: nested too deeply") from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise InvalidInput("invalid JSON: a number is too long") from error
    if not isinstance(document, dict) or not isinstance(document.get("assignments"), list):
        raise InvalidInput("expected an object with a list 'assignments'", field="assignments")
    placements: list[Placement | None] = [None] * len(problem.meetings)
    for position, item in enumerate(document["assignments"], start=1):
        field = f"assignments[{position}]"
        if not isinstance(item, dict):
            raise InvalidInput("expected an object", field=field)
        values = {}
        for key in ("meeting", "slot", "table"):
            value = item.get(key)
            if not isinstance(value, int) or isinstance(value, bool):
                raise InvalidInput(f"'{key}' must be an integer", field=field)
            values[key] = value
        meeting = values["meeting"]
        if not 1 <= meeting <= len(problem.meetings):
            raise InvalidInput(f"unknown meeting {meeting}", field=field)
        if placements[meeting - 1] is not None:
            raise InvalidInput(f"meeting {meeting} is assigned twice", field=field)
        placements[meeting - 1] = Placement(slot=values["slot"] - 1, table=values["table"] - 1)
    return placements

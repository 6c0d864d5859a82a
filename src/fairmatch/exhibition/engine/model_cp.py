"""The CP-SAT model: one Boolean per exhibitor and candidate booth, the hard rules as
constraints, every soft wish as a named term of the objective."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .prepare import Prepared, sponsor_points


@dataclass
class BuiltModel:
    """The model and its variables: ``choice[e][b]`` is exhibitor ``e`` on booth ``b``;
    ``terms`` names each objective term (wish name -> [(coefficient, variable)])."""

    model: cp_model.CpModel
    choice: dict[int, dict[int, cp_model.IntVar]]
    terms: dict[str, list[tuple[int, cp_model.IntVar]]] = field(default_factory=dict)


def build(
    prepared: Prepared,
    *,
    exhibitors: Iterable[int],
    placed: int,
    hint: dict[int, int],
    booths: set[int] | None = None,
    options: dict[int, list[int]] | None = None,
) -> BuiltModel:
    """The model over ``exhibitors`` (all, or one hall's share) and, when given, only the
    ``booths`` of that share, placing exactly ``placed``. ``options``, when given, replaces
    each exhibitor's candidate booths (a neighbourhood of the local search)."""
    model = cp_model.CpModel()
    members = sorted(exhibitors)
    member_set = set(members)
    choice: dict[int, dict[int, cp_model.IntVar]] = {}
    by_booth: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    terms: dict[str, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    for e in members:
        allowed = prepared.candidates[e] if e not in prepared.unassigned else []
        if options is not None:
            allowed = options[e]
        if booths is not None:
            allowed = [b for b in allowed if b in booths]
        row: dict[int, cp_model.IntVar] = {}
        for b in allowed:
            var = model.new_bool_var(f"x{e}_{b}")
            row[b] = var
            by_booth[b].append(var)
            model.add_hint(var, hint.get(e) == b)
        choice[e] = row
        if row:
            model.add_at_most_one(row.values())
        if e in prepared.locked and prepared.locked[e] in row:
            model.add(row[prepared.locked[e]] == 1)
    for variables in by_booth.values():
        if len(variables) > 1:
            model.add_at_most_one(variables)
    model.add(sum(v for row in choice.values() for v in row.values()) == placed)

    _unary_terms(prepared, choice, terms)
    _cluster_terms(prepared, model, choice, members, terms, hint)
    _wish_terms(prepared, model, choice, member_set, terms, hint)

    model.maximize(
        sum(coefficient * var for entries in terms.values() for coefficient, var in entries)
    )
    return BuiltModel(model=model, choice=choice, terms=dict(terms))


def _unary_terms(
    prepared: Prepared,
    choice: dict[int, dict[int, cp_model.IntVar]],
    terms: dict[str, list[tuple[int, cp_model.IntVar]]],
) -> None:
    weights = prepared.problem.weights
    booths = prepared.problem.booths
    for e, row in choice.items():
        spec = prepared.exhibitors[e]
        pavilions = prepared.country_zones.get(spec.country, set())
        for b, var in row.items():
            booth = booths[b]
            if spec.preferred_hall is not None and booth.hall == spec.preferred_hall:
                terms["preferred_hall"].append((weights.preferred_hall, var))
            if spec.preferred_zone is not None and booth.zone == spec.preferred_zone:
                terms["preferred_zone"].append((weights.preferred_zone, var))
            if booth.zone is not None and booth.zone in pavilions:
                terms["country_pavilion"].append((weights.country_pavilion, var))
            sponsor = sponsor_points(prepared, e, b)
            if sponsor:
                terms["sponsor_footfall"].append((sponsor, var))


def _cluster_terms(
    prepared: Prepared,
    model: cp_model.CpModel,
    choice: dict[int, dict[int, cp_model.IntVar]],
    members: list[int],
    terms: dict[str, list[tuple[int, cp_model.IntVar]]],
    hint: dict[int, int],
) -> None:
    """Same-field neighbours anywhere, same-country neighbours inside their pavilion.

    Per booth and field (or country): ``holds`` is true when the booth's exhibitor shows it,
    ``met`` only when a neighbouring booth holds it too. A booth earns the reward once
    (one met per booth at most), as the wish is the exhibitor's: "beside one of mine". The
    reward's bound, every placed exhibitor beside one of its own, is nearly reachable, so
    the proven bound stays close.
    """
    weights = prepared.problem.weights
    booths = prepared.problem.booths
    field_count: dict[str, int] = defaultdict(int)
    country_count: dict[str, int] = defaultdict(int)
    for e in members:
        for name in set(prepared.exhibitors[e].fields):
            field_count[name] += 1
        country_count[prepared.exhibitors[e].country] += 1
    # occupancy[label][b]: the choices putting an exhibitor of that label on booth b.
    occupancy: dict[str, dict[int, list[cp_model.IntVar]]] = defaultdict(lambda: defaultdict(list))
    hinted: set[tuple[str, int]] = set()
    for e in members:
        spec = prepared.exhibitors[e]
        labels = []
        if weights.field_neighbours > 0:
            labels = [f"f:{name}" for name in set(spec.fields) if field_count[name] > 1]
        pavilions = prepared.country_zones.get(spec.country, set())
        country = f"c:{spec.country}"
        for b, var in choice[e].items():
            own = list(labels)
            if (
                weights.country_neighbours > 0
                and country_count[spec.country] > 1
                and booths[b].zone in pavilions
            ):
                own.append(country)
            for label in own:
                occupancy[label][b].append(var)
                if hint.get(e) == b:
                    hinted.add((label, b))
    met_by_booth: dict[int, list[tuple[str, cp_model.IntVar]]] = defaultdict(list)
    for label, spots in occupancy.items():
        holds: dict[int, cp_model.IntVar] = {}
        for b, variables in spots.items():
            var = model.new_bool_var(f"holds_{label}_{b}")
            model.add(var == sum(variables))
            model.add_hint(var, (label, b) in hinted)
            holds[b] = var
        for b, var in holds.items():
            near = [holds[o] for o in prepared.neighbours[b] if o in holds]
            if not near:
                continue
            met = model.new_bool_var(f"met_{label}_{b}")
            model.add(met <= var)
            model.add(met <= sum(near))
            was_met = (label, b) in hinted and any(
                (label, o) in hinted for o in prepared.neighbours[b]
            )
            met_by_booth[b].append((label, met))
            model.add_hint(met, was_met)
    for entries in met_by_booth.values():
        fields_met = [met for label, met in entries if label.startswith("f:")]
        if len(fields_met) > 1:
            model.add(sum(fields_met) <= 1)
        for label, met in entries:
            if label.startswith("f:"):
                terms["field_neighbours"].append((weights.field_neighbours, met))
            else:
                terms["country_neighbours"].append((weights.country_neighbours, met))


def _wish_terms(
    prepared: Prepared,
    model: cp_model.CpModel,
    choice: dict[int, dict[int, cp_model.IntVar]],
    members: set[int],
    terms: dict[str, list[tuple[int, cp_model.IntVar]]],
    hint: dict[int, int],
) -> None:
    """Wanted neighbours rewarded, avoided ones penalised, each through the booths the two
    exhibitors could take side by side."""
    weights = prepared.problem.weights
    hinted_neighbours = _hinted_neighbours(prepared, hint)
    if weights.wanted_neighbour > 0:
        for e, others in prepared.wanted.items():
            if e not in members:
                continue
            for f in others:
                if f not in members:
                    continue
                beside = model.new_bool_var(f"want{e}_{f}")
                pieces = []
                for b, var in choice[e].items():
                    near = [choice[f][o] for o in prepared.neighbours[b] if o in choice[f]]
                    if not near:
                        continue
                    piece = model.new_bool_var(f"want{e}_{f}_{b}")
                    model.add(piece <= var)
                    model.add(piece <= sum(near))
                    model.add_hint(piece, hint.get(e) == b and f in hinted_neighbours.get(e, set()))
                    pieces.append(piece)
                if not pieces:
                    continue
                model.add(beside <= sum(pieces))
                model.add_hint(beside, f in hinted_neighbours.get(e, set()))
                terms["wanted_neighbour"].append((weights.wanted_neighbour, beside))
    if weights.avoided_neighbour > 0:
        pairs: dict[tuple[int, int], int] = defaultdict(int)
        for e, others in prepared.avoided.items():
            for f in others:
                if e in members and f in members:
                    pairs[(min(e, f), max(e, f))] += 1
        for (e, f), times in sorted(pairs.items()):
            beside = model.new_bool_var(f"avoid{e}_{f}")
            used = False
            for b, var in choice[e].items():
                near = [choice[f][o] for o in prepared.neighbours[b] if o in choice[f]]
                if near:
                    model.add(beside >= var + sum(near) - 1)
                    used = True
            if used:
                model.add_hint(beside, f in hinted_neighbours.get(e, set()))
                terms["avoided_neighbour"].append((-weights.avoided_neighbour * times, beside))


def _hinted_neighbours(prepared: Prepared, hint: dict[int, int]) -> dict[int, set[int]]:
    at = {b: e for e, b in hint.items()}
    return {e: {at[o] for o in prepared.neighbours[b] if o in at} for e, b in hint.items()}

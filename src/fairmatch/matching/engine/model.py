"""Typed input and output of the matching engine.

Amounts are US dollars (the caller converts with the edition's rates). Identifiers are the
caller's strings; inside the engine participants are addressed by their position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fairmatch.matching.engine.messages import Reason

# The named score components, in display order. Weights and reports use these names.
FIELD = "field"
KIND = "kind"
SIZE = "size"
LANGUAGE = "language"
CERTIFICATIONS = "certifications"
TEXT = "text"
MEANING = "meaning"
INTEREST = "interest"
COMPONENTS: tuple[str, ...] = (
    FIELD,
    KIND,
    SIZE,
    LANGUAGE,
    CERTIFICATIONS,
    TEXT,
    MEANING,
    INTEREST,
)


@dataclass(frozen=True, slots=True)
class Demand:
    """One outsourcing contract a buyer offers.

    ``services`` are optional structured service codes picked on a form; when present they
    count as concepts the text mentions.
    """

    field: str
    kind: str
    value_usd: float | None
    text: str = ""
    language: str = ""
    services: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Buyer:
    id: str
    country: str = ""
    languages: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    demands: tuple[Demand, ...] = ()
    # Certifications the buyer asks its providers for (ISO 9001, GLP, ...).
    certifications_asked: frozenset[str] = frozenset()
    # Usable negotiation slots and the number of suggestions it may receive.
    slots: int = 16
    quota: int = 30


@dataclass(frozen=True, slots=True)
class Provider:
    id: str
    country: str = ""
    languages: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    capacity_usd: float | None = None
    certifications: frozenset[str] = frozenset()
    text: str = ""
    language: str = ""
    # Cooperation kinds it offers; empty means unknown (scored as half a match).
    kinds: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()
    slots: int = 16
    quota: int = 15
    # Its descriptions one by one (each capability, the profile): a demand's closeness in
    # meaning is that of the closest one. Empty: ``text`` is the only one.
    passages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Interest:
    """One participant showed interest in another (a bookmark, a request, a wish)."""

    source: str
    target: str


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each component counts; the score is their weighted sum (weights sum to 1).

    The defaults are the hand-set weights of the glossary methods; ``FITTED`` holds those of
    the embedding methods.
    """

    field: float = 0.22
    kind: float = 0.08
    size: float = 0.10
    language: float = 0.08
    certifications: float = 0.05
    text: float = 0.40
    meaning: float = 0.0
    interest: float = 0.07

    def as_dict(self) -> dict[str, float]:
        """The weights by component name, in display order."""
        return {name: float(getattr(self, name)) for name in COMPONENTS}

    def without_meaning(self) -> Weights:
        """The same weights for a pair without ``meaning``: the others scaled to sum 1."""
        return self.without(MEANING)

    def without(self, *names: str) -> Weights:
        """The same weights for a pair without these components: the others scaled to sum 1."""
        values = self.as_dict()
        dropped = sum(values[name] for name in names)
        rest = 1 - dropped
        if dropped == 0 or rest <= 0:
            return self
        scaled = {name: value / rest for name, value in values.items()}
        return Weights(**(scaled | dict.fromkeys(names, 0.0)))


# Fitted on the benchmark's training edition (development wording, seed 101) with the
# default model (multilingual-e5-small): the text components' share and its split between
# the glossary and meaning, by grid search; the structured components keep the hand-set
# proportions (benchmarks/_matching_data/fit.py, docs/matching.md).
FITTED: dict[str, Weights] = {
    "combined": Weights(
        field=0.262,
        kind=0.095,
        size=0.119,
        language=0.095,
        certifications=0.059,
        text=0.21,
        meaning=0.09,
        interest=0.07,
    ),
    "embedding": Weights(
        field=0.262,
        kind=0.095,
        size=0.119,
        language=0.095,
        certifications=0.059,
        text=0.0,
        meaning=0.3,
        interest=0.07,
    ),
}


def default_weights(method: str) -> Weights:
    """The weights a method scores with unless told otherwise."""
    return FITTED.get(method, Weights())


@dataclass(frozen=True, slots=True)
class Edition:
    """Everything the engine looks at: both sides and the interest already shown."""

    buyers: tuple[Buyer, ...]
    providers: tuple[Provider, ...]
    interests: tuple[Interest, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """One counterpart in a ranked list, with its score, components and reasons.

    ``demand`` is the index of the buyer's demand the score is about (the best one); None
    when the buyer has no demand (it is then scored on its fields).
    """

    buyer: str
    provider: str
    score: float
    components: dict[str, float]
    demand: int | None
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Recommendations:
    """Top counterparts each way: providers for each buyer, buyers for each provider."""

    for_buyers: dict[str, tuple[Match, ...]]
    for_providers: dict[str, tuple[Match, ...]]


@dataclass(frozen=True, slots=True)
class Distribution:
    """How many suggestions participants of one side got."""

    minimum: int
    median: float
    maximum: int
    without_any: int
    at_capacity: int


@dataclass(frozen=True, slots=True)
class Suggestions:
    """The fair assignment of suggested meetings for the whole edition.

    ``before`` is what unconstrained recommendations give (each provider asks its top
    picks up to its quota); ``after`` is the assignment. ``objective`` is the total score of
    the suggested pairs; ``providers_below_minimum`` counts those the data could not lift
    to the minimum.
    """

    pairs: tuple[Match, ...]
    objective: float
    before_objective: float
    minimum_per_provider: int
    providers_below_minimum: int
    before: dict[str, Distribution] = field(default_factory=dict)
    after: dict[str, Distribution] = field(default_factory=dict)
    status: str = "optimal"
    seconds: float = 0.0

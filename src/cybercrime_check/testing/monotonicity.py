"""Declarable monotonicity: transforms that change a law in one respect, and relations its findings must keep.

A plugin declares, for instance, that adding a safeguard to a power never makes a finding about that
power worse; :func:`~cybercrime_check.testing.check_contract` then generates laws, applies the
transform and checks the relation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from hypothesis import strategies as st

from ..engine.checker import FindingDraft
from ..engine.verdict import STATUS_BADNESS
from ..model.law import NationalLaw
from ..model.offence import Defence, DefenceKind
from ..model.wording import words
from .strategies import SOURCE_ID, durations, national_laws, offences

# --- monotonicity: transformations and relations ----------------------------


@dataclass(frozen=True)
class Change:
    """What a transformation did: the law after it, and the provision it changed or added."""

    law: NationalLaw
    target: str
    description: str


@dataclass(frozen=True)
class Transform:
    """A named change to a law, such as adding a safeguard to one procedural power.

    ``apply`` draws what to change from ``data`` and returns ``None`` when the
    law offers nothing to change; ``laws`` generates laws where it usually
    applies; ``relation`` names the relation declared by default with it.
    """

    name: str
    description: str
    apply: Callable[[NationalLaw, st.DataObject], Change | None]
    laws: st.SearchStrategy[NationalLaw]
    relation: str = "no_worse_about_target"


@dataclass(frozen=True)
class Relation:
    """How the findings after a change must relate to those before it.

    ``check(before, after, change)`` returns ``None`` when the relation
    holds, otherwise one sentence saying how it failed.
    """

    name: str
    description: str
    check: Callable[[Sequence[FindingDraft], Sequence[FindingDraft], Change], str | None]


@dataclass(frozen=True)
class Monotone:
    """A declared property: after ``transform``, ``relation`` holds (default: the transform's own).

    ``laws`` replaces the transform's own laws, e.g. to generate only the kinds
    of provision a checker judges, so that rare combinations come up sooner.
    """

    transform: Transform | str
    relation: Relation | str | None = None
    laws: st.SearchStrategy[NationalLaw] | None = None

    def resolve(self) -> tuple[Transform, Relation, st.SearchStrategy[NationalLaw]]:
        transform = self.transform if isinstance(self.transform, Transform) else _lookup(TRANSFORMS, self.transform)
        relation = self.relation if self.relation is not None else transform.relation
        rel = relation if isinstance(relation, Relation) else _lookup(RELATIONS, relation)
        return transform, rel, self.laws if self.laws is not None else transform.laws


def _lookup(table: Mapping[str, Any], name: str) -> Any:
    try:
        return table[name]
    except KeyError:
        raise ValueError(f"unknown name {name!r}; choose one of {', '.join(sorted(table))}") from None


def _rebuilt(law: NationalLaw, **update: Any) -> NationalLaw:
    """``law`` with ``update`` applied, validated again (model_copy alone skips validation)."""
    return NationalLaw.model_validate(law.model_copy(update=update).model_dump(by_alias=True))


def _power_safeguard(
    field: str,
    value: st.SearchStrategy[Any],
    present: Callable[[Any], bool],
    also: Mapping[str, Any] | None = None,
) -> Callable[[NationalLaw, st.DataObject], Change | None]:
    """Set ``field`` (and the fields in ``also``, which the safeguard implies) on one power lacking it."""

    def apply(law: NationalLaw, data: st.DataObject) -> Change | None:
        candidates = [p for p in law.powers if not present(getattr(p, field))]
        if not candidates:
            return None
        power = data.draw(st.sampled_from(candidates), label="power")
        new_value = data.draw(value, label=field)
        changed = power.model_copy(update={field: new_value, **(also or {})})
        powers = tuple(changed if p.id == power.id else p for p in law.powers)
        return Change(
            _rebuilt(law, procedural_powers=powers),
            power.id,
            f"procedural power {power.id!r}: {field} {getattr(power, field)} -> {new_value}",
        )

    return apply


def _add_defence(law: NationalLaw, data: st.DataObject) -> Change | None:
    # Only where the defences are known: replacing 'unspecified' by a list would
    # also assert that there are no other defences, which is not adding one.
    candidates = [o for o in law.offences if o.defences != "unspecified"]
    if not candidates:
        return None
    offence = data.draw(st.sampled_from(candidates), label="offence")
    kind = data.draw(st.sampled_from(get_args(DefenceKind)), label="kind")
    defence = Defence(
        kind=kind,
        citation="Added defence",
        description=f"A binding {words(kind)} defence.",
        binding=True,
        sources=(law.sources[0].id,),
    )
    changed = offence.model_copy(update={"defences": (*offence.defence_list, defence)})
    offs = tuple(changed if o.id == offence.id else o for o in law.offences)
    return Change(_rebuilt(law, offences=offs), offence.id, f"offence {offence.id!r}: added a binding {kind} defence")


_NEW_OFFENCE = offences()


def _cite(data: Any, source: str) -> Any:
    """Generated data with every reference to :data:`SOURCE_ID` pointed at ``source``."""
    if isinstance(data, dict):
        return {k: _cite(v, source) for k, v in data.items()}
    if isinstance(data, list):
        return [_cite(v, source) for v in data]
    return source if data == SOURCE_ID else data


def _add_unrelated_offence(law: NationalLaw, data: st.DataObject) -> Change | None:
    new = data.draw(_NEW_OFFENCE, label="new offence")
    taken = {p.id for p in law.provisions()}
    new_id, n = new.id, 2
    while new_id in taken:
        new_id, n = f"{new.id}-{n}", n + 1
    # Laws from a custom strategy may name their sources differently.
    entry = {**new.model_dump(mode="json", by_alias=True, exclude_defaults=True), "id": new_id}
    entry = _cite(entry, law.sources[0].id)
    law_data = law.model_dump(mode="json", by_alias=True)
    law_data["offences"] = [*law_data["offences"], entry]
    return Change(NationalLaw.model_validate(law_data), new_id, f"added offence {new_id!r} ({new.category})")


_LIMITS = durations(max_years=1, units=("month", "week", "day", "hour"))
_WITH_POWERS = national_laws(min_powers=1, max_offences=2, max_rules=1)
_WITH_OFFENCES = national_laws(min_offences=1, max_powers=2, max_rules=1)

TRANSFORMS: dict[str, Transform] = {
    t.name: t
    for t in (
        Transform(
            "add_judicial_authorisation",
            "Require prior authorisation by an independent judge for one procedural power.",
            _power_safeguard(
                "authorisation",
                st.just("prior_judicial"),
                lambda v: v == "prior_judicial",
                also={"authoriser_independent": True},
            ),
            _WITH_POWERS,
        ),
        Transform(
            "add_time_limit",
            "Give one procedural power that has no time limit ('none') a limit of up to a year.",
            # From 'none' only: replacing 'unspecified' would be learning a fact, which may show another problem
            # (unlimited renewals), not adding a safeguard.
            _power_safeguard("duration", _LIMITS, lambda v: v != "none"),
            _WITH_POWERS,
        ),
        Transform(
            "add_notification",
            "Require that the people affected by one procedural power are notified.",
            _power_safeguard("notification", st.just("required"), lambda v: v == "required"),
            _WITH_POWERS,
        ),
        Transform(
            "add_remedy_without_notice",
            "Open the remedy of one procedural power to people who were never told of it (a tribunal open to anyone "
            "who suspects the measure).",
            _power_safeguard("remedy_without_notice", st.just(True), lambda v: v is not False),
            _WITH_POWERS,
        ),
        Transform(
            "cap_renewals",
            "Limit the renewals of one procedural power that may be renewed without limit.",
            _power_safeguard("renewals", st.integers(0, 3), lambda v: v != "unlimited"),
            _WITH_POWERS,
        ),
        Transform(
            "add_defence",
            "Add a binding defence to one offence whose defences are known ('none' or a list).",
            _add_defence,
            _WITH_OFFENCES,
        ),
        Transform(
            "add_unrelated_offence",
            "Add one new offence to the law.",
            _add_unrelated_offence,
            national_laws(max_offences=3, max_powers=2, max_rules=1),
            relation="unchanged_elsewhere",
        ),
    )
}
"""The transformations shipped with the suite, by name."""


def _worst_by_rule(drafts: Sequence[FindingDraft], target: str) -> dict[str, int]:
    worst: dict[str, int] = {}
    for d in drafts:
        if d.provision_id == target:
            worst[d.rule] = max(worst.get(d.rule, 0), STATUS_BADNESS[d.status])
    return worst


_BY_BADNESS = {v: k for k, v in STATUS_BADNESS.items()}


def _no_worse_about_target(before: Sequence[FindingDraft], after: Sequence[FindingDraft], change: Change) -> str | None:
    was = _worst_by_rule(before, change.target)
    now = _worst_by_rule(after, change.target)
    # A rule that appears only after the change may be no worse than the worst finding before it
    # (or than 'compliant' if there was none): a new problem is a worsening, a new pass is not.
    fallback = max(was.values(), default=STATUS_BADNESS["compliant"])
    for rule, badness in sorted(now.items()):
        if rule in was and badness > was[rule]:
            return (
                f"the finding {rule!r} about {change.target!r} got worse: "
                f"{_BY_BADNESS[was[rule]]} before, {_BY_BADNESS[badness]} after"
            )
        if rule not in was and badness > fallback:
            worst = _BY_BADNESS[fallback] if was else "no finding"
            return (
                f"a new finding {rule!r} about {change.target!r} is {_BY_BADNESS[badness]}, "
                f"worse than anything about it before ({worst})"
            )
    return None


def _unchanged_elsewhere(before: Sequence[FindingDraft], after: Sequence[FindingDraft], change: Change) -> str | None:
    def others(drafts: Sequence[FindingDraft]) -> Counter[FindingDraft]:
        return Counter(d for d in drafts if d.provision_id not in (None, change.target))

    was, now = others(before), others(after)
    if was == now:
        return None
    lost = sorted(f"{d.rule} ({d.provision_id}: {d.status})" for d in (was - now).elements())
    gained = sorted(f"{d.rule} ({d.provision_id}: {d.status})" for d in (now - was).elements())
    return (
        "findings about other provisions changed"
        + (f"; gone: {', '.join(lost)}" if lost else "")
        + (f"; new: {', '.join(gained)}" if gained else "")
    )


RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in (
        Relation(
            "no_worse_about_target",
            "No finding about the changed provision gets worse (by the summary order of statuses); "
            "a rule new after the change is no worse than the worst finding before it.",
            _no_worse_about_target,
        ),
        Relation(
            "unchanged_elsewhere",
            "Findings about every other provision stay exactly the same.",
            _unchanged_elsewhere,
        ),
    )
}
"""The relations shipped with the suite, by name."""

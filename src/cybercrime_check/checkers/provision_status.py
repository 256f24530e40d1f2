"""Provision status: what the verdict's date leaves out, and why, and what international bodies said.

A provision struck down, repealed, suspended or superseded is not judged as law in force, but it is reported,
citing the event: "struck down" must never read as "not modelled". A read-down is reported with what the court
narrowed the provision to (the other checkers judge the narrowed provision). A condemnation by an international
body of a provision still in force is a finding of its own, citing the body and the decision, because that is
what civil-society analyses cite.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.history import ProvisionEvent
from ..model.law import NationalLaw
from ..model.offence import Offence, limb_citation
from ._common import finding_for

STATUS_WORDS = {
    "struck_down": "struck down",
    "repealed": "repealed",
    "suspended": "suspended",
    "superseded": "replaced by an amended text",
    "not_yet_in_force": "not yet in force",
}
PRINCIPLES = (
    "legality",
    "freedom_of_expression",
    "privacy",
    "non_discrimination",
    "necessity",
    "proportionality",
    "prior_judicial_authorisation",
    "effective_remedy",
)
RULES = (
    Rule(
        "not-in-force",
        "Was the provision (or limb) in force on the verdict's date, and if not, what ended it?",
        ("not_applicable",),
        "The provision's recorded history (its events name their authority).",
    ),
    Rule(
        "read-down",
        "Has a court narrowed the provision without annulling it?",
        ("not_applicable",),
        "The court's decision, as recorded.",
    ),
    Rule(
        "upheld",
        "Has a national court upheld the provision against a challenge?",
        ("not_applicable",),
        "The court's decision, as recorded. A national court applies its own constitution; the other findings "
        "judge the provision against international standards.",
    ),
    Rule(
        "condemned",
        "Has an international body found the provision, still in force, incompatible with human rights?",
        ("non_compliant",),
        "The body's decision, as recorded (UN treaty bodies, special procedures, regional courts).",
    ),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for ended in law.ended_provisions():
        p = ended.provision
        s = ended.standing
        where = limb_citation(p, ended.limb) if ended.limb else p.cited  # type: ignore[arg-type]
        what = STATUS_WORDS.get(s.state, s.state)
        if ended.limb:
            event = s.ended_limbs.get(ended.limb)
            how = event.describe() if event else "ended"
        elif s.event is not None:
            how = s.event.describe()
        else:
            how = what
        evidence: list[tuple[str, object]] = [("status", what)]
        if s.event is not None and s.event.url:
            evidence.append(("decision", s.event.url))
        yield finding_for(
            "not-in-force",
            "rights_risk",
            provision_id=p.id,
            limb=ended.limb,
            concepts=("general.human_rights",),
            principles=("legality",),
            evidence=evidence,
        )(
            "not_applicable",
            "info",
            f"{where} was not in force on {law.cut_on or ctx.as_of}: {how}; it is not judged as law in force.",
        )
    for p in law.provisions():
        standing = law.standing_of(p.id)
        if standing is None:
            continue
        offence = isinstance(p, Offence)
        for event in standing.read_downs:
            for limb in event.limbs or (None,):
                where = limb_citation(p, limb) if limb and offence else p.cited  # type: ignore[arg-type]
                after = (
                    "It is judged as narrowed."
                    if offence
                    else "The power is judged as the data records it; the court's reading is not applied to it."
                )
                yield finding_for(
                    "read-down",
                    "rights_risk",
                    provision_id=p.id,
                    limb=limb,
                    concepts=("general.human_rights",),
                    principles=("legality",),
                    evidence=[("decision", event.decision or "-")],
                )(
                    "not_applicable",
                    "info",
                    f"{where} was {event.describe()}: {(event.narrowed_to or '').rstrip('. ')}. {after}",
                )
        for event in standing.upheld:
            for limb in event.limbs or (None,):
                where = limb_citation(p, limb) if limb and offence else p.cited  # type: ignore[arg-type]
                yield finding_for(
                    "upheld",
                    "rights_risk",
                    provision_id=p.id,
                    limb=limb,
                    concepts=("general.human_rights",),
                    principles=("legality",),
                    evidence=[("decision", event.decision or "-"), ("url", event.url or "-")],
                )(
                    "not_applicable",
                    "info",
                    f"{where} was {event.describe()}. A national court applies its own constitution; the "
                    "other findings judge the provision against international standards.",
                )
        for event in standing.condemnations:
            yield _condemned(p.id, p.cited, event)


def _condemned(provision_id: str, cited: str, event: ProvisionEvent) -> FindingDraft:
    principles = tuple(pid for pid in event.principles if pid in PRINCIPLES) or ("legality",)
    return finding_for(
        "condemned",
        "rights_risk",
        provision_id=provision_id,
        concepts=("general.human_rights",),
        principles=principles,
        evidence=[("decision", event.decision or "-"), ("url", event.url or "-")],
    )(
        "non_compliant",
        "high",
        f"{cited}, still in force, was {event.describe()}." + (f" {event.note}" if event.note else ""),
        recommendation="Bring the provision into line with the body's findings, or repeal it.",
        data_confidence=event.confidence,
    )


CHECKER = Checker(
    id="provision-status",
    title="Provision status: not in force, read down, upheld, condemned",
    version="1.0",
    concepts=("general.human_rights",),
    principles=PRINCIPLES,
    check=check,
    description="Reports modelled provisions not in force on the date (citing what ended them), read-downs, rulings upholding them, and condemnations by international bodies.",
    authority="The provisions' recorded histories: decisions of legislatures, courts and international bodies.",
    rules=RULES,
)

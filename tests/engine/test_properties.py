"""Properties that hold for every valid law."""

from __future__ import annotations

import contextlib
import random

import yaml
from hypothesis import given
from hypothesis import strategies as st

from cybercrime_check import LawDataError, NationalLaw, Verdict, dump_law_yaml, evaluate
from cybercrime_check.engine.verdict import STATUS_BADNESS
from cybercrime_check.files.strict_yaml import read_yaml
from cybercrime_check.testing import national_laws, procedural_powers
from tests.paths import AS_OF


@given(st.from_type(NationalLaw))
def test_yaml_round_trip(law: NationalLaw) -> None:
    text = dump_law_yaml(law)
    doc, problems = read_yaml(text.encode("utf-8"), "generated.yaml")
    assert not problems, problems
    assert doc is not None
    assert NationalLaw.model_validate(doc.data) == law


@given(national_laws(), st.randoms(use_true_random=False))
def test_any_mutation_gives_the_loaders_own_error(law: NationalLaw, rnd: random.Random) -> None:
    import tempfile
    from pathlib import Path

    from cybercrime_check import load_law

    text = dump_law_yaml(law)
    lines = text.splitlines()
    mutation = rnd.choice(["delete", "duplicate", "wrong_type", "bytes"])
    i = rnd.randrange(len(lines))
    if mutation == "delete":
        del lines[i]
    elif mutation == "duplicate":
        lines.insert(i, lines[i])
    elif mutation == "wrong_type":
        lines[i] = lines[i].split(":", 1)[0] + ": [1, 2]" if ":" in lines[i] else lines[i] + " ]"
    raw = "\n".join(lines).encode()
    if mutation == "bytes":
        pos = rnd.randrange(len(raw))
        raw = raw[:pos] + bytes([rnd.randrange(256)]) + raw[pos:]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutated.yaml"
        path.write_bytes(raw)
        # Anything but the loader's own error (a crash, a traceback) fails the test.
        with contextlib.suppress(LawDataError):
            load_law(path)


@given(national_laws())
def test_evaluation_never_raises_and_is_deterministic(law: NationalLaw) -> None:
    first = evaluate(law, as_of=AS_OF, third_party=False).to_json()
    second = evaluate(law, as_of=AS_OF, third_party=False).to_json()
    assert first == second
    assert '"complete": true' in first


@given(national_laws())
def test_unspecified_never_reads_as_compliant(law: NationalLaw) -> None:
    verdict = evaluate(law, as_of=AS_OF, third_party=False)
    for f in verdict.findings:
        if f.status == "compliant":
            assert all(e.value != "unspecified" for e in f.evidence if not e.path.startswith("lexicon")), f


SAFEGUARDS = {
    "authorisation": "prior_judicial",
    "duration": "6 months",
    "notification": "required",
}


@given(national_laws(powers=procedural_powers()), st.sampled_from(sorted(SAFEGUARDS)), st.data())
def test_adding_a_safeguard_never_worsens_a_finding_about_that_power(
    law: NationalLaw, field: str, data: st.DataObject
) -> None:
    if not law.powers:
        return
    power = data.draw(st.sampled_from(law.powers))
    if field == "duration" and power.duration != "none":
        return  # replacing 'unspecified' is learning a fact (which may show unlimited renewals), not a safeguard
    update: dict[str, object] = {field: SAFEGUARDS[field]}
    if field == "authorisation":
        update["authoriser_independent"] = True  # a judge the executive controls is no safeguard
    improved_power = power.model_copy(update=update)
    improved_power = type(power).model_validate(improved_power.model_dump(by_alias=True))
    improved = law.model_copy(
        update={"procedural_powers": tuple(improved_power if p.id == power.id else p for p in law.powers)}
    )
    before = _by_rule(evaluate(law, as_of=AS_OF, third_party=False), power.id)
    after = _by_rule(evaluate(improved, as_of=AS_OF, third_party=False), power.id)
    for key, status in after.items():
        assert STATUS_BADNESS[status] <= STATUS_BADNESS[before[key]], (key, before[key], status)


def _by_rule(verdict, provision_id: str) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    return {(f.checker, f.rule): f.status for f in verdict.findings if f.provision.provision_id == provision_id}


@given(national_laws(), st.data())
def test_adding_an_offence_never_removes_findings_about_others(law: NationalLaw, data: st.DataObject) -> None:
    from cybercrime_check.testing import offences

    new = data.draw(offences())
    if any(p.id == new.id for p in law.provisions()):
        return
    bigger = law.model_copy(update={"offences": (*law.offences, new)})
    before = evaluate(law, as_of=AS_OF, third_party=False)
    after = evaluate(bigger, as_of=AS_OF, third_party=False)
    kept = {(f.checker, f.rule, f.provision.provision_id, f.status) for f in after.findings}
    for f in before.findings:
        if f.provision.provision_id is not None:
            assert (f.checker, f.rule, f.provision.provision_id, f.status) in kept


@given(national_laws())
def test_convention_version_changes_numbers_not_statuses(law: NationalLaw) -> None:
    adopted = evaluate(law, as_of=AS_OF, third_party=False)
    draft = evaluate(law, as_of=AS_OF, convention="uncc-draft-2024-02", third_party=False)

    def strip(v: Verdict) -> list[tuple[object, ...]]:
        return [(f.checker, f.rule, f.status, f.severity, f.confidence, f.provision.provision_id) for f in v.findings]

    assert strip(adopted) == strip(draft)


@given(national_laws())
def test_yaml_dump_is_plain_safe_yaml(law: NationalLaw) -> None:
    # The dumper quotes every string, so even a YAML 1.1 reader keeps "NO" a string.
    assert isinstance(yaml.safe_load(dump_law_yaml(law))["jurisdiction"], str)

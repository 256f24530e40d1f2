"""The compiled decision tables (the JSON Lines path) against the reference triager: byte-identical decisions.

Both triagers live for the whole module, so the tables fill up and later requests are answered from cells
computed for earlier ones: exactly what a cache keyed on too little would get wrong. The number of generated
requests is small by default; ``CYBERCRIME_CHECK_DIFFERENTIAL=10000`` runs the full differential test.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cybercrime_check import load_laws
from cybercrime_check.cooperation.request import AssistanceRequest, OffenceReference, parse_request_line
from cybercrime_check.cooperation.triage import Triager
from cybercrime_check.cooperation.triage.stream import read_records, run_stream
from cybercrime_check.testing import assistance_requests, described_offences
from tests.paths import AS_OF, LAWS, ROOT

EXAMPLES = int(os.environ.get("CYBERCRIME_CHECK_DIFFERENTIAL", "150"))
CORPUS = load_laws([LAWS])
STATES = sorted({law.jurisdiction for law in CORPUS})
REFERENCE = Triager(CORPUS, as_of=AS_OF)
COMPILED = Triager(CORPUS, as_of=AS_OF)


@st.composite
def corpus_requests(draw: st.DrawFn) -> AssistanceRequest:
    """Requests between corpus states, about a corpus offence (any limb) or a described one, on any date."""
    requesting, requested = draw(st.permutations(STATES).map(lambda p: (p[0], p[1])))
    own = [(law, o) for law in CORPUS if law.jurisdiction == requesting for o in law.offences]
    references: st.SearchStrategy[Any] = st.nothing()
    if own:
        references = st.sampled_from(own).flatmap(
            lambda pair: st.builds(
                OffenceReference,
                law=st.just(pair[0].id),
                offence=st.just(pair[1].id),
                limb=st.one_of(
                    st.none(), *([st.sampled_from([limb.id for limb in pair[1].limbs])] * bool(pair[1].limbs))
                ),
            )
        )
    request = draw(
        assistance_requests(states=(requesting, requested), offence=st.one_of(references, described_offences()))
    )
    # Dates near the treaties' and the laws' own dates, where standings and provisions change.
    day = draw(st.one_of(st.just(request.date), st.dates(date(2000, 1, 1), date(2031, 12, 31))))
    return request.model_copy(update={"date": day})


def _same(request: AssistanceRequest) -> None:
    expected = REFERENCE.triage_json(request)[0]
    line, outcome, cells = COMPILED.triage_line(request)
    assert line.decode() == expected
    assert outcome == REFERENCE.triage_json(request)[1]
    grounds = Counter((g.ground, g.effect) for g in REFERENCE.triage_json(request)[2])
    assert Counter(kind for c in cells for kind in c.tally) == grounds


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus_requests())
def test_compiled_tables_decide_as_the_reference(request: AssistanceRequest) -> None:
    _same(request)


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assistance_requests(states=("TN", "NL")))
def test_compiled_tables_decide_as_the_reference_for_described_offences(request: AssistanceRequest) -> None:
    _same(request)


def test_the_example_batch_streams_as_the_reference_decides() -> None:
    batch = ROOT / "examples" / "requests" / "batch.jsonl"
    expected: list[str] = []
    outcomes: Counter[str] = Counter()
    grounds: Counter[tuple[str, str]] = Counter()
    for number, raw in read_records(io.BytesIO(batch.read_bytes()), "batch.jsonl"):
        try:
            assert isinstance(raw, bytes)
            request = parse_request_line(raw, "batch.jsonl", number)
        except Exception:  # malformed lines are the stream's to report; the tally counts them
            continue
        line, outcome, found = REFERENCE.triage_json(request)
        expected.append(line + "\n")
        outcomes[outcome] += 1
        grounds.update((g.ground, g.effect) for g in found)
    for stream_bytes in (True, False):
        written: list[Any] = []
        tally = run_stream(
            read_records(io.BytesIO(batch.read_bytes()), "batch.jsonl"),
            triager=Triager(CORPUS, as_of=AS_OF),
            fmt="jsonl",
            filename="batch.jsonl",
            write=written.append,
            write_bytes=written.append if stream_bytes else None,
            report=lambda _: None,
            chunk_lines=3,
        )
        text = "".join(w.decode() if isinstance(w, bytes) else w for w in written)
        assert text == "".join(expected)
        assert tally.outcomes == outcomes and tally.grounds == grounds

"""Where a triaged request's time goes, per request, on the streaming path (``benchmarks/README.md`` keeps the figures).

    python benchmarks/triage_profile.py              # 50,000 generated requests, after a warm-up on them
    python benchmarks/triage_profile.py --n 200000

Each phase is timed on its own over the same lines (CPU time, best of three, the collector paused as the
command line pauses it), after one pass that fills
the decision tables: reading the lines, pydantic validating them (the baseline), the duplicate-key check
that comes on top, the table lookups, assembling the JSON pieces, joining a chunk's pieces; the whole
stream is timed too, and what it costs beyond the phases is reported as the rest (the loop, the tally,
allocation). For a sampled call profile of the same run, use ``py-spy record -- python
benchmarks/triage.py --n 200000``.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import triage as bench

from cybercrime_check import load_laws
from cybercrime_check.cli._args import collector_paused
from cybercrime_check.cooperation.request import AssistanceRequest, parse_request_line
from cybercrime_check.cooperation.triage import Triager
from cybercrime_check.cooperation.triage.compiled import CompiledTriager
from cybercrime_check.cooperation.triage.stream import CHUNK_LINES, read_records, run_stream


def cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def profile(n: int) -> list[tuple[str, float]]:
    """Microseconds per request for each phase, and for the whole stream."""
    triager = Triager(load_laws([bench.LAWS]), as_of=bench.AS_OF)
    compiled = CompiledTriager(triager)
    triager._compiled = compiled
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "requests.jsonl"
        bench.generate(path, n)
        data = path.read_bytes()
    raws = [raw for _, raw in read_records(io.BytesIO(data), "requests.jsonl") if isinstance(raw, bytes)]
    requests = [parse_request_line(raw, "requests.jsonl", 1) for raw in raws]
    chunks = [requests[i : i + CHUNK_LINES] for i in range(0, len(requests), CHUNK_LINES)]
    validate = AssistanceRequest.model_validate_json

    def read() -> None:
        for _ in read_records(io.BytesIO(data), "requests.jsonl"):
            pass

    def pydantic() -> None:
        for raw in raws:
            validate(raw)

    def parse() -> None:
        for raw in raws:
            parse_request_line(raw, "requests.jsonl", 1)

    def lookups() -> None:
        for request in requests:
            compiled.cells(request)

    def lines() -> None:
        for chunk in chunks:
            out: list[bytes] = []
            for request in chunk:
                compiled.line_into(request, out)

    def joined() -> None:
        for chunk in chunks:
            out: list[bytes] = []
            for request in chunk:
                compiled.line_into(request, out)
                out.append(b"\n")
            b"".join(out)

    def whole() -> None:
        with open(os.devnull, "wb") as sink:
            run_stream(
                read_records(io.BytesIO(data), "requests.jsonl"),
                triager=triager,
                fmt="jsonl",
                filename="requests.jsonl",
                write=lambda text: sink.write(text.encode()),
                write_bytes=sink.write,
                report=lambda _: None,
            )

    whole()  # fills the tables
    with collector_paused():  # as the CLI runs
        t = {name: cpu(fn) * 1e6 / len(raws) for name, fn in [("read", read), ("pydantic", pydantic), ("parse", parse),
             ("lookups", lookups), ("lines", lines), ("joined", joined), ("whole", whole)]}  # fmt: skip
    rest = t["whole"] - t["read"] - t["parse"] - t["joined"]
    return [
        ("read the lines (read_records)", t["read"]),
        ("pydantic validation (the baseline)", t["pydantic"]),
        ("duplicate-key check", t["parse"] - t["pydantic"]),
        ("table lookups (CompiledTriager.cells)", t["lookups"]),
        ("combining the cells and listing the JSON pieces", t["lines"] - t["lookups"]),
        ("joining a chunk's pieces", t["joined"] - t["lines"]),
        ("the rest (stream loop, tally, writing, allocation)", rest),
        ("whole streaming path", t["whole"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=50_000, help="number of requests (default 50,000)")
    args = parser.parse_args()
    rows = profile(args.n)
    whole = rows[-1][1]
    print(f"{args.n:,} requests, CPU microseconds per request (best of 3, tables filled)")
    for name, us in rows:
        print(f"  {name:<52} {us:7.2f}  {100 * us / whole:5.1f}%")


if __name__ == "__main__":
    main()

"""Triage benchmark: synthetic requests through the same streaming code path as ``cybercrime-check triage``.

    python benchmarks/triage.py               # 1,000,000 requests (a few minutes; not for CI)
    python benchmarks/triage.py --quick       # 2,000 requests: proves the harness works (CI)
    python benchmarks/triage.py --n 200000

Figures, all measured in the same run:
- throughput of the streaming path (read, validate, triage, render JSON Lines), in process;
- ratio of that time to pydantic alone validating the same lines (``AssistanceRequest.model_validate_json``);
- peak memory: the RSS high-water mark of a ``cybercrime-check triage`` subprocess over the whole file,
  read with ``os.wait4`` for that child alone (Linux reports it in KiB);
- linearity: time per request at n versus n/10 (different requests, both after the same warm-up).
Targets: ratio within 3x, peak RSS under 200 MB at a million requests, linear time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from cybercrime_check import load_laws
from cybercrime_check.cli._args import collector_paused
from cybercrime_check.cooperation.request import MEASURES, PROTECTED_FACTS, AssistanceRequest
from cybercrime_check.cooperation.triage import Triager
from cybercrime_check.cooperation.triage.stream import read_records, run_stream

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT / "examples" / "laws"
AS_OF = date(2026, 6, 1)
CATEGORIES = ("illegal_access", "data_interference", "fraud", "false_information", "defamation_insult", "other")


def _offences() -> list[tuple[str, str, str]]:
    return [(law.jurisdiction, law.id, o.id) for law in load_laws([LAWS]) for o in law.offences]


def generate(path: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` valid requests as JSON Lines, streaming (a mix of modelled and described offences)."""
    rnd = random.Random(seed)
    offences = _offences()
    states = sorted({s for s, _, _ in offences})
    tri: tuple[Any, ...] = (True, False, "unspecified")
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if rnd.random() < 0.8:
                state, law_id, offence_id = rnd.choice(offences)
                offence: dict[str, Any] = {"law": law_id, "offence": offence_id}
            else:
                state = rnd.choice(states)
                offence = {
                    "category": rnd.choice(CATEGORIES),
                    "max_penalty": rnd.choice(("1 year", "3 years", "5 years", "10 years", "unspecified")),
                    "citation": "offence as stated in the request",
                    "death_penalty": rnd.choice(tri),
                }
            requested = rnd.choice([s for s in states if s != state])
            measures = rnd.sample(MEASURES, rnd.randint(1, 3))
            record = {
                "id": f"bench-{i}",
                "requesting_state": state,
                "requested_state": requested,
                "date": f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                "legal_basis": rnd.choice(("un_convention", "budapest_convention", "none", "unspecified")),
                "offence": offence,
                "conduct": "Synthetic conduct for the benchmark.",
                "measures": measures,
                "data_categories": rnd.sample(("subscriber", "traffic", "content", "location"), rnd.randint(1, 2)),
                "target": {
                    "identified": rnd.choice(tri),
                    **{k: rnd.choice((False, False, False, True, "unspecified")) for k in PROTECTED_FACTS},
                },
                "urgency": rnd.choice(("routine", "urgent")),
                "assurances": {"no_death_penalty": rnd.choice(tri), "speciality": rnd.choice(tri)},
            }
            f.write(json.dumps(record, separators=(",", ":")) + "\n")


def pydantic_only(path: Path) -> float:
    """Seconds pydantic alone takes to validate every line (with the collector paused, as for triage)."""
    validate = AssistanceRequest.model_validate_json
    with collector_paused():
        start = time.perf_counter()
        with path.open("rb") as f:
            for line in f:
                validate(line)
        return time.perf_counter() - start


def triage_stream(path: Path, triager: Triager) -> tuple[float, int]:
    """Seconds the CLI's streaming path takes (read, validate, triage, render JSON Lines, write), with the
    collector paused and the lines written as bytes, as the CLI does."""
    with path.open("rb") as f, open(os.devnull, "wb") as out, collector_paused():
        start = time.perf_counter()
        tally = run_stream(
            read_records(f, path.name),
            triager=triager,
            fmt="jsonl",
            filename=path.name,
            write=lambda text: out.write(text.encode()),
            write_bytes=out.write,
            report=lambda _: None,
        )
        elapsed = time.perf_counter() - start
    assert tally.malformed == 0 and tally.triaged == tally.lines, tally
    return elapsed, tally.triaged


def triage_subprocess(path: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``cybercrime-check triage`` over the file, in a child process.

    The peak is that child's own (``os.wait4``): ``RUSAGE_CHILDREN`` would report the largest of every child
    this process ever waited for. With ``--jobs`` above 1 it is the parent's peak; each worker has its own.
    """
    command = [sys.executable, "-m", "cybercrime_check", "triage", str(path), "--laws", str(LAWS)]
    command += ["-o", os.devnull, "--as-of", AS_OF.isoformat(), "--jobs", str(jobs)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command)
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux


def run(n: int, jobs: int = 1) -> dict[str, float]:
    """Measure everything on ``n`` requests; returns the figures."""
    triager = Triager(load_laws([LAWS]), as_of=AS_OF)
    small = max(n // 10, 1)
    with tempfile.TemporaryDirectory() as tmp:
        big_path, small_path = Path(tmp) / "requests.jsonl", Path(tmp) / "small.jsonl"
        warm_path = Path(tmp) / "warm.jsonl"
        generate(big_path, n)
        generate(small_path, small, seed=8)
        generate(warm_path, small, seed=9)
        triage_stream(warm_path, triager)  # warm-up on other requests, so neither timed run is first
        t_small, _ = triage_stream(small_path, triager)
        t_big, count = triage_stream(big_path, triager)
        t_pydantic = pydantic_only(big_path)
        wall, peak = triage_subprocess(big_path, jobs)
        size_mb = big_path.stat().st_size / 1e6
    return {
        "requests": count,
        "input_mb": size_mb,
        "triage_s": t_big,
        "throughput_per_s": count / t_big,
        "pydantic_s": t_pydantic,
        "ratio": t_big / t_pydantic,
        "linearity": (t_big / n) / (t_small / small),
        "subprocess_wall_s": wall,
        "peak_rss_mb": peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="number of requests (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="2,000 requests: check that the harness works")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for the subprocess run (default 1)")
    args = parser.parse_args()
    n = 2_000 if args.quick else args.n
    f = run(n, args.jobs)
    print(f"{int(f['requests']):,} requests ({f['input_mb']:.0f} MB of JSON Lines), laws: {LAWS.relative_to(ROOT)}")
    print(f"  triage (streaming path, in process)  {f['triage_s']:9.2f} s  {f['throughput_per_s']:10,.0f} requests/s")
    print(f"  pydantic validation alone            {f['pydantic_s']:9.2f} s")
    print(f"  ratio triage / pydantic              {f['ratio']:9.2f}    target <= 3.0")
    print(f"  time per request, n vs n/10          {f['linearity']:9.2f}    target ~1.0 (linear)")
    print(f"  CLI subprocess (--jobs {args.jobs})            {f['subprocess_wall_s']:9.2f} s")
    rss = f"{f['peak_rss_mb']:9.1f} MB  target < 200 MB (os.wait4 of the child)"
    print(f"  peak RSS of the CLI subprocess       {rss}")
    if args.quick:
        print("  (--quick: too small for the targets to mean anything)")


if __name__ == "__main__":
    main()

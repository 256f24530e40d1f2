"""Benchmarks as ratios against a baseline measured in the same run.

    python benchmarks/run.py [--quick]

Load: the strict loader over the corpus vs a bare yaml.CSafeLoader parse of the same files.
Evaluate: all built-in checkers on each corpus law vs parsing that law's YAML.
Medians of several repetitions; --quick only proves the harness works (CI).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from cybercrime_check import build_registry, evaluate, load_law

ROOT = Path(__file__).resolve().parents[1]


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 15
    files = sorted((ROOT / "examples" / "laws").glob("*.yaml"))
    raw = [p.read_bytes() for p in files]
    laws = [load_law(p) for p in files]
    registry = build_registry(third_party=False)
    day = date(2026, 11, 29)

    def bare() -> None:
        for r in raw:
            yaml.load(r, Loader=yaml.CSafeLoader)

    def strict() -> None:
        for p in files:
            load_law(p)

    def evaluate_all() -> None:
        for law in laws:
            evaluate(law, as_of=day, registry=registry)

    rows = [
        ("load corpus (strict loader)", median_time(strict, repeat), median_time(bare, repeat), 2.0),
        ("evaluate corpus (all built-ins)", median_time(evaluate_all, repeat), median_time(bare, repeat), 1.0),
    ]
    print(f"{len(files)} law files, {repeat} repetitions, medians")
    print(f"{'figure':<34} {'project s':>10} {'baseline s':>11} {'ratio':>7} {'target':>7}")
    for name, project, base, target in rows:
        ratio = project / base
        flag = "" if ratio <= target else "  (misses target)"
        print(f"{name:<34} {project:>10.4f} {base:>11.4f} {ratio:>7.2f} {target:>6.1f}x{flag}")


if __name__ == "__main__":
    main()

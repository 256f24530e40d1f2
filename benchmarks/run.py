"""Benchmarks as ratios against a baseline measured in the same run.

    python benchmarks/run.py [--quick] [--only NAME ...]

Every figure is the project's time next to the unavoidable cost of the same
work (parsing the YAML, validating the JSON, importing the dependencies),
measured in the same run, as medians of several repetitions. ``--quick`` uses
small sizes and only proves that the harness works (CI); tests never assert on
time. See benchmarks/README.md for what each figure means and its history.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from math import inf, nan
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
DAY = date(2026, 11, 29)
DEPS = "import pydantic, yaml, pluggy"
LAW_MODEL = "from cybercrime_check.model.law import NationalLaw; NationalLaw.model_rebuild()"
"""Building the pydantic classes that reading a law needs: the floor of any pydantic-based validator."""


@dataclass
class Row:
    name: str
    project: float
    baseline: float
    target: float
    speedup: bool = False
    """True when the figure is baseline/project and must be at least the target."""
    note: str = ""
    unit: str = "x"
    """``x`` for a ratio; anything else (``MB``) for an absolute figure compared with the target."""

    @property
    def ratio(self) -> float:
        if self.unit != "x":
            return self.project
        return self.baseline / self.project if self.speedup else self.project / self.baseline

    @property
    def met(self) -> bool:
        return self.ratio >= self.target if self.speedup else self.ratio <= self.target


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Medians of a and b, run alternately so that machine noise hits both alike."""
    ta, tb = [], []
    for _ in range(repeat):
        for fn, out in ((a, ta), (b, tb)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(ta), statistics.median(tb)


def command(*args: str) -> Callable[[], object]:
    def run() -> None:
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return run


def cli() -> str:
    found = shutil.which("cybercrime-check", path=str(Path(sys.executable).parent)) or shutil.which("cybercrime-check")
    if not found:
        raise SystemExit("cybercrime-check is not installed in this environment (pip install .)")
    return found


def corpus_rows(repeat: int) -> list[Row]:
    from cybercrime_check import build_registry, evaluate, load_law

    files = sorted((ROOT / "examples" / "laws").glob("*.yaml"))
    raw = [p.read_bytes() for p in files]
    laws = [load_law(p) for p in files]
    registry = build_registry(third_party=False)

    def bare() -> None:
        for r in raw:
            yaml.load(r, Loader=yaml.CSafeLoader)

    def strict() -> None:
        for p in files:
            load_law(p)

    def evaluate_all() -> None:
        for law in laws:
            evaluate(law, as_of=DAY, registry=registry)

    load, base1 = interleaved(strict, bare, repeat)
    ev, base2 = interleaved(evaluate_all, bare, repeat)
    return [
        Row(f"load corpus ({len(files)} laws) vs bare CSafeLoader", load, base1, 2.0),
        Row("evaluate corpus, all built-ins, vs parsing it", ev, base2, 1.0),
    ]


def isolation_rows(repeat: int) -> list[Row]:
    """The cost of running checkers in the worker process that third-party checkers get, against running the
    same checkers in process: built-in checkers registered again under a plugin's name (same functions, same
    work). Two cases: one plugin checker next to the ten built-ins (a plugin such as the ECHR example), and all
    ten checkers in the worker (the worst case: every checker pays the round trip and the integrity checks)."""
    from dataclasses import replace

    from cybercrime_check import build_registry, evaluate, hookimpl, load_law
    from cybercrime_check.engine.isolation import stop_workers

    files = sorted((ROOT / "examples" / "laws").glob("*.yaml"))
    laws = [load_law(p) for p in files]
    builtin = build_registry(third_party=False)
    copies = [replace(c, id=f"bench.{c.id}") for c, _ in builtin.checkers]

    class AsAPlugin:
        __name__ = "bench-isolation"

        @hookimpl
        def cybercrime_check_checkers(self) -> list[object]:
            return list(copies)

    registry = build_registry([AsAPlugin()], third_party=False)
    inside = [c.id for c, _ in builtin.checkers]
    outside = [c.id for c in copies]
    one = "safeguards"  # the built-in with the most findings per law

    def run(ids: list[str]) -> Callable[[], object]:
        return lambda: [evaluate(law, as_of=DAY, registry=registry, checkers=ids) for law in laws]

    stop_workers()
    start = time.perf_counter()
    run(outside[:1])()  # the first call starts the worker
    first = time.perf_counter() - start
    with_plugin, in_process = interleaved(run([*inside, f"bench.{one}"]), run([*inside, one]), repeat)
    worker, process = interleaved(run(outside), run(inside), repeat)
    stop_workers()
    note = "informational: the cost of isolating third-party checkers"
    return [
        Row(
            "evaluate corpus, built-ins + 1 checker in a worker vs in process", with_plugin, in_process, inf, note=note
        ),
        Row(f"evaluate corpus, all {len(copies)} checkers in a worker vs in process", worker, process, inf, note=note),
        Row("start the checker worker (once per process), seconds", first, nan, inf, note="informational", unit=" s"),
    ]


def import_rows(repeat: int) -> list[Row]:
    py = sys.executable
    deps = command(py, "-c", DEPS)
    ours, base = interleaved(command(py, "-c", "import cybercrime_check"), deps, repeat)
    first_use = "from cybercrime_check import load_law, evaluate, NationalLaw; NationalLaw.model_rebuild()"
    deps_model = command(py, "-c", DEPS + "; import pydantic.main")
    used, base_used = interleaved(command(py, "-c", first_use), deps_model, repeat)
    return [
        Row("import cybercrime_check vs import deps", ours, base, 1.2),
        Row(
            "import + build the law model vs deps + BaseModel",
            used,
            base_used,
            float("inf"),
            note="informational: what first use costs",
        ),
    ]


def startup_rows(repeat: int) -> list[Row]:
    exe = cli()
    deps = command(sys.executable, "-c", DEPS)
    law = str(ROOT / "examples" / "laws" / "tn-decree-law-2022-54.yaml")
    version, base1 = interleaved(command(exe, "--version"), deps, repeat)
    validate, base2 = interleaved(command(exe, "validate", law), deps, repeat)
    floor = command(sys.executable, "-c", DEPS + "; " + LAW_MODEL)
    validate2, base3 = interleaved(command(exe, "validate", law), floor, repeat)
    return [
        Row("cybercrime-check --version vs import deps", version, base1, 1.3),
        Row(
            "cybercrime-check validate (1 file) vs import deps",
            validate,
            base2,
            inf,
            note="informational: the old baseline builds no model",
        ),
        Row(
            "cybercrime-check validate (1 file) vs its floor", validate2, base3, 1.3, note="deps + build the law model"
        ),
    ]


def scale_rows(quick: bool, repeat: int) -> list[Row]:
    from generate import scaled_law, write_law

    from cybercrime_check import build_registry, evaluate, load_law
    from cybercrime_check.cli import main

    small, powers = (100, 10) if quick else (1000, 100)
    registry = build_registry(third_party=False)
    with tempfile.TemporaryDirectory() as tmp:
        p_small = write_law(Path(tmp) / "small.yaml", scaled_law(small, powers))
        p_big = write_law(Path(tmp) / "big.yaml", scaled_law(small * 10, powers * 10))

        def cli_run(path: Path) -> Callable[[], object]:
            # The command line in process: it pauses the collector while reading (the library never does).
            argv = ["evaluate", str(path), "--no-plugins", "--as-of", DAY.isoformat(), "--format", "json"]
            return lambda: main([*argv, "-o", os.devnull])

        def api_run(path: Path) -> Callable[[], object]:
            return lambda: evaluate(load_law(path), as_of=DAY, registry=registry)

        t_small = median_time(cli_run(p_small), repeat)
        t_big = median_time(cli_run(p_big), max(1, repeat // 3))
        a_small = median_time(api_run(p_small), repeat)
        a_big = median_time(api_run(p_big), max(1, repeat // 3))
    return [
        Row(
            f"evaluate {small * 10} offences vs 10 x {small} (CLI)",
            t_big,
            10 * t_small,
            1.2,
            note=f"{powers * 10} vs {powers} powers; JSON verdict written",
        ),
        Row(
            f"load_law+evaluate {small * 10} vs 10 x {small} (API)",
            a_big,
            10 * a_small,
            float("inf"),
            note="informational: the library leaves the garbage collector on",
        ),
    ]


def compare_rows(quick: bool, repeat: int) -> list[Row]:
    from generate import write_corpus

    n = 40 if quick else 1000
    exe = cli()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_corpus(Path(tmp), n)]
        base = [exe, "compare", *paths, "--no-plugins", "--as-of", DAY.isoformat(), "--format", "json"]
        out = os.devnull
        jobs2, jobs1 = interleaved(
            command(*base, "--jobs", "2", "-o", out), command(*base, "--jobs", "1", "-o", out), max(1, repeat // 3)
        )
    cores = os.cpu_count() or 1
    return [Row(f"compare {n} laws: --jobs 1 / --jobs 2", jobs2, jobs1, 1.7, speedup=True, note=f"{cores} cores")]


def triage_rows(quick: bool) -> list[Row]:
    import triage

    n = 2_000 if quick else 1_000_000
    f = triage.run(n)
    return [
        Row(
            f"triage {n:,} JSON Lines vs pydantic validating them",
            f["triage_s"],
            f["pydantic_s"],
            3.0,
            note=f"{f['throughput_per_s']:,.0f} requests/s",
        ),
        Row(
            f"triage time per request, {n:,} vs {n // 10:,}",
            f["triage_s"] / n,
            f["triage_s"] / n / f["linearity"],
            1.2,
            note="linearity",
        ),
        Row(
            f"triage peak RSS of the CLI at {n:,} requests",
            f["peak_rss_mb"],
            float("nan"),
            200.0,
            note="MB, os.wait4 of the child process",
            unit=" MB",
        ),
    ]


FIGURES: dict[str, Callable[[argparse.Namespace, int], list[Row]]] = {
    "corpus": lambda a, r: corpus_rows(r),
    "isolation": lambda a, r: isolation_rows(r),
    "import": lambda a, r: import_rows(r),
    "startup": lambda a, r: startup_rows(r),
    "scale": lambda a, r: scale_rows(a.quick, r),
    "compare": lambda a, r: compare_rows(a.quick, r),
    "triage": lambda a, r: triage_rows(a.quick),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repetitions (CI)")
    parser.add_argument("--only", nargs="+", choices=sorted(FIGURES), help="run only these figures")
    args = parser.parse_args()
    repeat = 3 if args.quick else 11
    rows: list[Row] = []
    for name, figure in FIGURES.items():
        if args.only and name not in args.only:
            continue
        rows.extend(figure(args, repeat))
    print(f"{'quick run: sizes too small to judge targets; ' if args.quick else ''}{repeat} repetitions, medians")
    print(f"{'figure':<52} {'project s':>10} {'baseline s':>11} {'ratio':>7} {'target':>8}  met")
    for row in rows:
        target = "-" if row.target == float("inf") else (">=" if row.speedup else "<=") + f"{row.target:g}{row.unit}"
        met = "" if row.target == float("inf") else ("yes" if row.met else "NO")
        note = f"  ({row.note})" if row.note else ""
        project = f"{row.project:>10.4f}" if row.unit == "x" else f"{row.project:>7.1f}{row.unit}"
        base = f"{row.baseline:>11.4f}" if row.unit == "x" else f"{'-':>11}"
        print(f"{row.name:<52} {project} {base} {row.ratio:>7.2f} {target:>8}  {met}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

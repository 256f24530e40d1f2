"""Run every built-in checker on generated laws only, for a branch-coverage measurement.

    python -m coverage run --branch --source=cybercrime_check.checkers benchmarks/checker_branch_coverage.py 2000
    python -m coverage report -m

The figure and the branches left uncovered are recorded in docs/plugin-kit-coverage.md.
"""

from __future__ import annotations

import sys
from datetime import date

from hypothesis import HealthCheck, given, seed, settings

from cybercrime_check import NationalLaw, catalogue
from cybercrime_check.checkers import BUILTIN
from cybercrime_check.engine.checker import EvaluationContext
from cybercrime_check.testing import national_laws


def main(examples: int) -> None:
    ctx = EvaluationContext(convention="uncc-2024", as_of=date(2026, 1, 1), catalogue=catalogue())
    count = 0

    @seed(0)
    @settings(max_examples=examples, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(national_laws())
    def run(law: NationalLaw) -> None:
        nonlocal count
        count += 1
        for checker in BUILTIN:
            list(checker.check(law, ctx))

    run()
    print(f"{count} generated laws, {len(BUILTIN)} built-in checkers")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)

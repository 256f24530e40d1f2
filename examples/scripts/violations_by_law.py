"""Calibration script: violations (non-compliant or partially compliant), critical findings and data gaps
per law, with totals for laws of states with independent courts and a free press (the 'comparators') and
for the rest. Run it before and after changing a checker: a rise on the comparators is a finding a lawyer
must sign before it ships.

    python examples/scripts/violations_by_law.py [examples/laws] [--as-of 2026-11-29]

Analysis support, not legal advice.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from cybercrime_check import evaluate, load_laws

COMPARATORS = frozenset({"GB", "DE", "NL", "PT", "BE", "US"})
"""The jurisdictions the corpus uses to pin what a rights-respecting law must not be flagged for."""

parser = argparse.ArgumentParser()
parser.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parents[1] / "laws"))
parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 29))
args = parser.parse_args()

totals = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}
print(f"{'law':45} {'violations':>10} {'critical':>8} {'gaps':>5}")
for law in sorted(load_laws([args.folder]), key=lambda item: item.id):
    findings = evaluate(law, as_of=args.as_of, third_party=False).findings
    bad = [f for f in findings if f.status in ("non_compliant", "partially_compliant")]
    row = (
        len(bad),
        sum(f.severity == "critical" for f in bad),
        sum(f.status == "insufficient_information" for f in findings),
    )
    print(f"{law.id:45} {row[0]:>10} {row[1]:>8} {row[2]:>5}")
    t = totals[law.jurisdiction in COMPARATORS]
    t[0] += 1
    for i, n in enumerate(row, 1):
        t[i] += n
for comparator, (laws, violations, critical, gaps) in totals.items():
    group = "comparators" if comparator else "others"
    print(f"{group}: {laws} laws, {violations} violations ({critical} critical), {gaps} data gaps")
print("\nAnalysis support, not legal advice.")

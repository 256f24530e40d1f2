"""Law-clinic script: per jurisdiction, the offences that restrict protected expression
AND meet the Convention's four-year "serious crime" threshold, i.e. the speech offences
that could pull other states into cross-border evidence gathering (Art 35(1)(c)).

    python examples/scripts/serious_speech_offences.py [examples/laws]

Analysis support, not legal advice.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from cybercrime_check import evaluate, load_laws

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "laws"
by_country: dict[str, list[str]] = defaultdict(list)
for law in load_laws([folder]):
    verdict = evaluate(law, checkers=["protected-expression", "cooperation-exposure"], third_party=False)
    speech = {
        f.provision.provision_id
        for f in verdict.findings
        if f.checker == "protected-expression" and f.status == "non_compliant"
    }
    for f in verdict.findings:
        if f.rule == "speech-offence-is-serious-crime" and f.provision.provision_id in speech:
            by_country[law.jurisdiction].append(f"{law.title}, {f.provision.citation}: {f.reason}")

for country in sorted(by_country):
    print(country)
    for line in by_country[country]:
        print(f"  - {line}")
print("\nAnalysis support, not legal advice.")

"""``cybercrime-check test``: agreement of the verdicts with expert conclusions (expected-findings files)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._args import EXIT_FAILED, EXIT_OK, check_outputs, input_files, iso_date, write_output

if TYPE_CHECKING:
    from ..engine.expected import Outcome


def add_parser(sub: Any) -> None:
    p = sub.add_parser("test", help="compare verdicts with expected findings files")
    p.add_argument("files", nargs="+", metavar="EXPECTED")
    p.add_argument(
        "--laws",
        nargs="+",
        metavar="DIR_OR_FILE",
        default=None,
        help="where to find the laws (default: the file named in each expected file)",
    )
    p.add_argument("--as-of", type=iso_date, default=None)
    p.add_argument("-q", "--quiet", action="store_true", help="print only mismatches and the total")
    p.add_argument(
        "--junit",
        metavar="FILE",
        default=None,
        help="also write a JUnit XML report (one test case per expectation; known disagreements are skipped)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return run_expected(args.files, laws=args.laws, as_of=args.as_of, quiet=args.quiet, junit=args.junit)


def run_expected(
    files: Sequence[str], *, laws: Sequence[str] | None, as_of: date | None, quiet: bool, junit: str | None = None
) -> int:
    """Print agreement per expectation; 0 if every expectation matches or is a known disagreement that still
    disagrees, else 1."""
    from ..engine.evaluation import evaluate
    from ..engine.expected import compare, find_law, load_expected
    from ..engine.registry import build_registry
    from ..errors import one_line as term
    from ..files.loader import load_laws

    if junit:
        check_outputs([*files, *(laws or ())], [("--junit", junit)])
    given = {law.id: law for law in load_laws(input_files(laws))} if laws else None
    registry = build_registry()
    total = matched = known = surprising = 0
    suites: list[tuple[str, list[Outcome]]] = []
    for name in files:
        path = Path(name)
        expected = load_expected(path, registry)
        law = find_law(expected, path, given)
        day = as_of or (expected.as_of if isinstance(expected.as_of, date) else None)
        verdict = evaluate(law, as_of=day, registry=registry)
        outcomes = compare(expected, verdict)
        suites.append((expected.law_id, outcomes))
        for o in outcomes:
            total += 1
            matched += o.matched
            e = o.expectation
            flagged = e.known_disagreement is not None
            known += flagged and not o.matched
            surprising += flagged and o.matched
            if o.matched and quiet and not flagged:
                continue
            mark = (
                ("now agrees, remove known_disagreement" if flagged else "ok  ")
                if o.matched
                else ("KNOWN" if flagged else "FAIL")
            )
            print(
                term(
                    f"{mark} {expected.law_id}:{e.id} [{e.provision or 'instrument'}] expected "
                    f"{e.status or 'not ' + ' or '.join(e.not_status)} ({e.dimension}) per {e.source.author}"
                )
            )
            if flagged and not o.matched:
                print(term(f"       known: {e.known_disagreement}"))
                if quiet:
                    continue
            if not o.matched:
                if o.actual:
                    for checker, status, reason in o.actual:
                        print(term(f"       library: {checker} -> {status}: {reason}"))
                else:
                    print("       library: no finding about this provision in this dimension")
    if junit:
        write_output(junit_xml(suites), junit)
    share = f"{matched / total:.0%}" if total else "n/a"
    print(f"agreement: {matched}/{total} expected findings matched ({share}); {known} known disagreements")
    sys.stdout.flush()
    return EXIT_OK if matched + known == total and not surprising else EXIT_FAILED


def junit_xml(suites: Sequence[tuple[str, Sequence[Outcome]]]) -> str:
    """JUnit XML: one suite per expected-findings file, one case per expectation. A disagreement is a failure,
    a known disagreement that still disagrees is skipped (with its reason), one that now agrees is a failure."""
    from xml.etree import ElementTree as ET

    root = ET.Element("testsuites", name="cybercrime-check test")
    for law_id, outcomes in suites:
        suite = ET.SubElement(root, "testsuite", name=law_id, tests=str(len(outcomes)))
        failures = skipped = 0
        for o in outcomes:
            e = o.expectation
            case = ET.SubElement(suite, "testcase", classname=law_id, name=e.id)
            expected = e.status or "not " + " or ".join(e.not_status)
            if e.known_disagreement is not None and not o.matched:
                skipped += 1
                ET.SubElement(case, "skipped", message=f"known disagreement: {e.known_disagreement}")
            elif e.known_disagreement is not None:
                failures += 1
                ET.SubElement(case, "failure", message="the library now agrees: remove known_disagreement")
            elif not o.matched:
                failures += 1
                failure = ET.SubElement(
                    case, "failure", message=f"expected {expected} ({e.dimension}) per {e.source.author}"
                )
                failure.text = "\n".join(f"{c} -> {st}: {reason}" for c, st, reason in o.actual) or "no finding"
        suite.set("failures", str(failures))
        suite.set("skipped", str(skipped))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

"""Where the tests find the project's data, and the date they judge laws as of."""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT / "examples" / "laws"
EXPECTED = ROOT / "examples" / "expected"
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = date(2026, 11, 29)

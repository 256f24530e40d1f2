from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.paths import AS_OF, EXPECTED, LAWS, ROOT  # noqa: F401 - re-exported for older imports

settings.register_profile("ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# `pytest --hypothesis-profile deep` before a release: many more examples, to find what the small budgets miss.
settings.register_profile("deep", max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def uk_file() -> Path:
    return LAWS / "gb-computer-misuse-act-1990.yaml"

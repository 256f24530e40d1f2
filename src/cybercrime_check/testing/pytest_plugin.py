"""pytest plugin (entry point ``pytest11``): the ``checker_contract`` fixture.

Installed with cybercrime-check, so a plugin author's test is one line::

    def test_contract(checker_contract):
        checker_contract(my_plugin, monotone=["add_notification"])

The fixture takes a :class:`~cybercrime_check.Checker` or a plugin object and
runs :func:`cybercrime_check.testing.check_contract` or
:func:`~cybercrime_check.testing.check_plugin`; ``--contract-max-examples N``
sets the examples per property. hypothesis is imported only when the
fixture is used, so this plugin costs nothing where the ``[testing]`` extra
is not installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .contract import ContractReport


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cybercrime-check")
    group.addoption(
        "--contract-max-examples",
        type=int,
        default=None,
        metavar="N",
        help="generated laws per plugin-contract property (default: the hypothesis profile's max_examples)",
    )


@pytest.fixture
def checker_contract(request: pytest.FixtureRequest) -> Callable[..., ContractReport]:
    """Run the plugin contract on a checker or a plugin object; fails the test with the shrunk law."""
    from ..engine.checker import Checker
    from .contract import check_contract, check_plugin

    default = request.config.getoption("contract_max_examples")

    def run(target: Any, **options: Any) -> ContractReport:
        if options.get("max_examples") is None:
            options["max_examples"] = default
        if isinstance(target, Checker):
            return check_contract(target, **options)
        return check_plugin(target, **options)

    return run

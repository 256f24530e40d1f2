"""The plugin keeps the cybercrime-check plugin contract, and is discovered once installed."""

from __future__ import annotations

from cybercrime_check.testing import Monotone, check_installed, check_plugin, national_laws, procedural_powers

import cybercrime_check_echr_surveillance as plugin

# Laws whose powers are all of the kinds this checker judges, so rare combinations come up early.
SURVEILLANCE_LAWS = national_laws(
    powers=procedural_powers(kind=tuple(plugin.SECRET_SURVEILLANCE)), min_powers=1, max_offences=1, max_rules=0
)
SAFEGUARDS = ("add_judicial_authorisation", "add_time_limit", "add_notification")


def test_keeps_the_plugin_contract() -> None:
    check_plugin(
        plugin,
        monotone=[*(Monotone(t, laws=SURVEILLANCE_LAWS) for t in SAFEGUARDS), "add_unrelated_offence"],
        max_examples=60,
    )


def test_is_installed_and_discovered() -> None:
    assert check_installed("echr-surveillance") == (plugin.CHECKER,)

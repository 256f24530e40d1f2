"""Cross-border cooperation: assistance requests, their triage ground by ground, and the exposure map.

Modules: ``request`` (the request model and its strict JSON/YAML reading), ``triage/`` (one module
per group of grounds, the triager and JSON Lines streaming) and ``exposure`` (which states' speech
offences other states' laws would help to pursue).
"""

from .._deprecated import forward

# ``cybercrime_check.cooperation`` was the module of the cooperation-rule model before 0.2; its
# names still resolve to :mod:`cybercrime_check.model.cooperation`, with a warning.
__getattr__ = forward(
    __name__,
    dict.fromkeys(
        (
            "CooperationKind",
            "CooperationRule",
            "DualCriminality",
            "RefusalGround",
            "RefusalGroundKind",
        ),
        "cybercrime_check.model.cooperation",
    ),
)

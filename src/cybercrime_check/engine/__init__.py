"""The engine: the catalogue of the Convention and principles, the checker contract, the plugin
registry, evaluation with each checker isolated, and the verdict.

Modules: ``catalogue`` (``policies/`` as typed data), ``checker`` and ``hookspec`` (what a plugin
implements), ``registry`` (collecting checkers), ``isolation`` (running one), ``findings`` (drafts
resolved into findings), ``summary``, ``evaluate`` and ``verdict`` (the result), ``expected``
(agreement with expert conclusions).
"""

from .._deprecated import forward

# ``cybercrime_check.engine`` was a module before 0.2; its public names still resolve, with a warning.
__getattr__ = forward(
    __name__,
    {
        "ENTRY_POINT_GROUP": "cybercrime_check.engine.registry",
        "LoadFailure": "cybercrime_check.engine.registry",
        "Registry": "cybercrime_check.engine.registry",
        "build_registry": "cybercrime_check.engine.registry",
        "default_as_of": "cybercrime_check.engine.evaluation",
        "evaluate": "cybercrime_check.engine.evaluation",
        "summarise": "cybercrime_check.engine.summary",
    },
)

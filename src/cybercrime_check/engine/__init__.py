"""The engine: the catalogue of the Convention and principles, the checker contract, the plugin
registry, evaluation with each checker isolated, and the verdict.

Modules: ``catalogue`` (``policies/`` as typed data), ``checker`` and ``hookspec`` (what a plugin
implements), ``registry`` (collecting checkers), ``isolation`` (running one), ``findings`` (drafts
resolved into findings), ``summary``, ``evaluate`` and ``verdict`` (the result), ``expected``
(agreement with expert conclusions).
"""

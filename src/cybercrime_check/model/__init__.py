"""The law as typed data: provisions (offences, procedural powers, cooperation rules) of one instrument.

Modules: ``fields`` (strict shared field types: dates, durations, tri-state facts), ``provision``
(what every provision shares: citation, sources, confidence, status), ``offence``,
``procedural_power``, ``cooperation``, ``law`` (one instrument) and ``wording`` (identifiers as
the words a lawyer reads). Nothing here reads files or judges anything.
"""

"""Pause Python's cyclic garbage collector while building large, acyclic object trees.

Parsing a big YAML file or assembling tens of thousands of findings allocates
millions of objects and no reference cycles; the collector's full passes then
grow with the heap and make the work super-linear (measured in
``benchmarks/README.md``). Reference counting still frees everything.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

"""The worker process that runs third-party checkers (see :mod:`.isolation`).

It receives, pickled by the engine on standard input: the engine's ``sys.path``, a law, a checker
(pickled by reference, so its module is imported here, not in the engine), and requests to run that
checker on that law. It answers each, on standard output, with one JSON object: ``{"drafts": [...]}``
(validated drafts as JSON data), or ``{"error": "...", "retire": bool}``.
Whatever the checker does, raising ``SystemExit`` or ``KeyboardInterrupt`` included, becomes such a
reply; ``os._exit``, a crash or a hang ends only this process, which the engine then replaces.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import struct
import sys
import warnings
from datetime import date
from typing import Any

from pydantic import TypeAdapter

from ..model.law import NationalLaw
from .catalogue import Catalogue, catalogue
from .checker import Checker, EvaluationContext, FindingDraft


def main() -> None:
    """Entry point of the worker (``python -c``): messages on standard input, replies on standard output."""
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(1), "wb")
    # What a checker prints goes to standard error, never into the replies or a report.
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    cat = catalogue()
    _limit_memory(int(sys.argv[1]))
    state = _State(cat)
    while True:
        head = requests.read(8)
        if len(head) < 8:
            return
        (size,) = struct.unpack(">Q", head)
        message = pickle.loads(requests.read(size))
        try:
            reply = state.handle(message)
        except BaseException as exc:  # pragma: no cover - a bug here must still be a reply
            reply = {"error": f"failed in the worker process ({describe(exc)})", "retire": True}
        data = reply if isinstance(reply, bytes) else json.dumps(reply, ensure_ascii=False).encode("utf-8")
        replies.write(struct.pack(">Q", len(data)) + data)
        replies.flush()


def _limit_memory(extra: int) -> None:
    """Cap the address space at what the worker uses now plus ``extra`` bytes (where the system allows it)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as f:
            used = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = used + extra
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):  # not Linux: no limit, the time-out still applies
        pass


def _law_hash(law: NationalLaw) -> str:
    """The law's hash recomputed from its canonical JSON (never the value memoised when it was read)."""
    return hashlib.sha256(law.canonical_json().encode("utf-8")).hexdigest()


def _catalogue_hash(cat: Catalogue) -> str:
    """A fingerprint of everything the catalogue read from ``policies/`` (its caches excluded)."""
    digest = hashlib.sha256()
    for model in (*cat.versions.values(), *cat.crosswalk, cat.red_line_list, cat.parameters):
        digest.update(model.model_dump_json().encode("utf-8"))
    for table in (cat.sources, cat.concepts, cat.instruments, cat.principles, cat.red_lines):
        for key, value in table.items():
            digest.update(key.encode("utf-8") + value.model_dump_json().encode("utf-8"))
    return digest.hexdigest()


class _State:
    def __init__(self, cat: Catalogue) -> None:
        self.catalogue = cat
        self.catalogue_hash = _catalogue_hash(cat)
        self.law: NationalLaw | None = None
        self.law_hash = ""
        self.checkers: dict[bytes, Checker] = {}

    def handle(self, message: tuple[Any, ...]) -> dict[str, Any] | bytes:
        kind = message[0]
        if kind == "path":
            sys.path[:] = message[1]
            return {"ok": True}
        if kind == "law":
            self.law = message[1]
            self.law_hash = _law_hash(message[1])
            return {"ok": True}
        if kind == "checker":
            try:
                checker = pickle.loads(message[1])
            except BaseException as exc:  # an import-time SystemExit or KeyboardInterrupt too
                return {"error": f"could not be loaded in the worker process ({describe(exc)})", "retire": True}
            if not isinstance(checker, Checker):
                return {"error": f"was loaded as {type(checker).__name__}, not a Checker", "retire": True}
            self.checkers[message[1]] = checker
            return {"ok": True}
        _, key, convention, as_of, options, cap = message
        return self.run(self.checkers[key], convention, as_of, options, cap)

    def run(self, checker: Checker, convention: str, as_of: date, options: bytes, cap: int) -> dict[str, Any] | bytes:
        law = self.law
        assert law is not None
        ctx = EvaluationContext(
            convention=convention, as_of=as_of, catalogue=self.catalogue, options=pickle.loads(options)
        )
        drafts: list[Any] = []
        try:
            for item in checker.check(law, ctx):
                drafts.append(item)
                if len(drafts) > cap:
                    return {"error": f"returned more than {cap:,} findings"}
        except MemoryError:
            drafts.clear()
            return {"error": f"ran out of memory (limit: {_limit_text()})", "retire": True}
        except BaseException as exc:  # SystemExit, KeyboardInterrupt and GeneratorExit end only this checker
            return {"error": f"raised {describe(exc)}", "retire": not isinstance(exc, Exception)}
        if _unchanged(_law_hash, law) != self.law_hash:
            return {"error": "changed the law it was given (its content hash differs afterwards)", "retire": True}
        if _unchanged(_catalogue_hash, self.catalogue) != self.catalogue_hash:
            return {"error": "changed the shared catalogue of the Convention and principles", "retire": True}
        for item in drafts:
            if not isinstance(item, FindingDraft):
                return {"error": f"returned {type(item).__name__}, not a FindingDraft"}
        try:  # validated again by the engine, field by field, as it reads them
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a draft built with model_construct warns, then fails there
                return b'{"drafts":' + _DRAFTS.dump_json(drafts) + b"}"
        except Exception as exc:
            return {"error": f"returned an invalid FindingDraft ({describe(exc)})"}


_DRAFTS: TypeAdapter[list[FindingDraft]] = TypeAdapter(list[FindingDraft])


def _unchanged(fingerprint: Any, value: Any) -> str:
    """``fingerprint(value)``, or a value no fingerprint has when it cannot even be computed any more."""
    try:
        return str(fingerprint(value))
    except Exception:
        return "(changed beyond recognition)"


def describe(exc: BaseException) -> str:
    """``Type: message`` of an exception, however broken its ``__str__``."""
    try:
        text = str(exc)
    except Exception:
        text = "(its message cannot be shown)"
    text = text if len(text) <= 500 else text[:497] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _limit_text() -> str:
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        return "none" if soft == resource.RLIM_INFINITY else f"{soft >> 20:,} MB of address space"
    except (ImportError, OSError, ValueError):
        return "none"

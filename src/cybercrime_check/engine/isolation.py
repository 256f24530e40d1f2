"""Running one checker so that it cannot take the evaluation down.

pluggy stops at the first exception and has no time-outs, so the engine does not call checkers
through the hook: it runs each registered :class:`Checker` itself and turns a crash, a hang or
garbage output into a problem description (an ``error`` finding, and an incomplete verdict).

The built-in checkers run in process. A third-party checker runs in a worker process
(:mod:`.worker`, a new interpreter) with a time-out and a memory limit, so that ``os._exit``,
``SystemExit``, ``KeyboardInterrupt``, a hang, running out of memory, or changing the law or the
catalogue it was given each cost only that checker's findings. The worker is started once and reused
for every third-party checker and law; it is replaced after it dies, times out or breaks a rule. What
it sends back is JSON, validated here as it is read: nothing a plugin returns is unpickled by the engine.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ..model.law import NationalLaw
from .checker import Checker, EvaluationContext, FindingDraft
from .worker import describe

MAX_FINDINGS = 10_000
"""Findings one checker may return about one law, plus :data:`FINDINGS_PER_PROVISION` per provision; more is
an error (a runaway checker), not a verdict nobody can read."""
FINDINGS_PER_PROVISION = 20
START_TIMEOUT = 120.0
"""Seconds a worker may take to start, receive a law or import a checker's module (not counted in its time-out)."""
MEMORY_LIMIT = 1 << 30
"""Bytes of address space a worker may use beyond what it holds once started (``resource.RLIMIT_AS``)."""
MAX_REPLY_BYTES = 256 << 20
"""Largest reply read from a worker."""


def findings_cap(provision_ids: frozenset[str]) -> int:
    """How many findings a checker may return about a law with these provisions."""
    return MAX_FINDINGS + FINDINGS_PER_PROVISION * len(provision_ids)


def run_checker(
    checker: Checker,
    law: NationalLaw,
    ctx: EvaluationContext,
    provision_ids: frozenset[str],
    *,
    trusted: bool = False,
    limbs: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[FindingDraft], str | None]:
    """Run one checker and return its drafts or a problem description.

    ``trusted`` (the built-in checkers) run inline, and exceeding the time budget still counts as a
    failure; the others run in the worker process (see the module's description).
    """
    if not trusted:
        return _host().run(checker, law, ctx, provision_ids, limbs)
    cap = findings_cap(provision_ids)
    start = time.perf_counter()
    drafts: list[Any] = []
    try:
        for item in checker.check(law, ctx):
            drafts.append(item)
            if len(drafts) > cap:
                return [], f"Checker {checker.id!r} returned more than {cap:,} findings."
    except Exception as exc:
        return [], f"Checker {checker.id!r} raised {describe(exc)}."
    if time.perf_counter() - start > checker.timeout:
        return [], f"Checker {checker.id!r} did not finish within {checker.timeout:g} s."
    try:
        return validate_output(checker, provision_ids, drafts, revalidate=False, limbs=limbs)
    except Exception as exc:  # a draft built with model_construct: refused, never a crash
        return [], f"Checker {checker.id!r} returned an invalid FindingDraft ({describe(exc)})."


def validate_output(
    checker: Checker,
    provision_ids: frozenset[str],
    drafts: Iterable[Any],
    *,
    revalidate: bool = True,
    limbs: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[FindingDraft], str | None]:
    """The drafts if every one is a valid :class:`FindingDraft` citing only what ``checker`` declared.

    With ``revalidate`` (the default) each draft is validated again, so that one built with
    ``FindingDraft.model_construct`` (which skips validation) is refused here rather than crashing later.
    """
    allowed_concepts = set(checker.concepts)
    allowed_principles = set(checker.principles)
    valid: list[FindingDraft] = []
    for item in drafts:
        if not isinstance(item, FindingDraft):
            return [], f"Checker {checker.id!r} returned {type(item).__name__}, not a FindingDraft."
        if revalidate:
            try:
                item = FindingDraft.model_validate(dict(vars(item)))
            except ValidationError as exc:
                return [], f"Checker {checker.id!r} returned an invalid FindingDraft ({_first_error(exc)})."
            except Exception as exc:
                return [], f"Checker {checker.id!r} returned an invalid FindingDraft ({describe(exc)})."
        bad = set(item.concepts) - allowed_concepts
        if bad:
            return [], f"Checker {checker.id!r} cited undeclared concept(s) {sorted(bad)}."
        badp = set(item.principles) - allowed_principles
        if badp:
            return [], f"Checker {checker.id!r} cited undeclared principle(s) {sorted(badp)}."
        if item.provision_id is not None and item.provision_id not in provision_ids:
            return [], f"Checker {checker.id!r} cited unknown provision {item.provision_id!r}."
        if item.limb is not None and limbs is not None and item.limb not in limbs.get(item.provision_id or "", ()):
            return [], f"Checker {checker.id!r} cited unknown limb {item.limb!r} of {item.provision_id!r}."
        if checker.rules and item.rule not in {r.id for r in checker.rules}:
            return [], f"Checker {checker.id!r} returned a finding of undeclared rule {item.rule!r}."
        valid.append(item)
    return valid, None


def _first_error(exc: ValidationError) -> str:
    err = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in err["loc"])
    return f"{where}: {err['msg']}" if where else err["msg"]


# --- the worker process ------------------------------------------------------------------------


class _Reply(BaseModel):
    """What the worker answers: ``ok``, the drafts (validated here as they are read), or why not."""

    model_config = ConfigDict(extra="forbid", strict=True)

    ok: bool = False
    drafts: list[FindingDraft] = []
    error: str | None = None
    retire: bool = False


class _WorkerGone(Exception):
    """The worker ended, or sent something that is not a reply."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class _Refused(Exception):
    """The worker ran the checker and reports why its findings are refused."""

    def __init__(self, message: str, *, retire: bool) -> None:
        super().__init__(message)
        self.retire = retire


class _Host:
    """One worker process for the third-party checkers of this process, started on first use.

    The worker is a new interpreter (``python -c``), not a ``multiprocessing`` child: ``spawn`` and
    ``forkserver`` both run the caller's ``__main__`` module again in the child, which re-runs a script
    without an ``if __name__ == "__main__"`` guard. Messages go through the worker's standard input
    (pickled, length-prefixed) and come back through its standard output (JSON, length-prefixed), read
    by a thread so that waiting for a reply can time out on every platform.
    """

    def __init__(self) -> None:
        self.pid = os.getpid()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[bytes | None] = queue.Queue()
        self._law: NationalLaw | None = None
        self._checkers: set[bytes] = set()

    def run(
        self,
        checker: Checker,
        law: NationalLaw,
        ctx: EvaluationContext,
        provision_ids: frozenset[str],
        limbs: Mapping[str, frozenset[str]] | None = None,
    ) -> tuple[list[FindingDraft], str | None]:
        name = f"Checker {checker.id!r}"
        if getattr(checker.check, "__module__", None) == "__main__":
            return [], (
                f"{name} is defined in the script being run (__main__), which its worker process cannot import; "
                "third-party checkers run in one, so move the check function into a module."
            )
        try:
            blob = pickle.dumps(checker)
            options = pickle.dumps(ctx.options)
        except Exception as exc:
            return [], (
                f"{name} cannot be sent to a worker process ({describe(exc)}); third-party checkers run in one, "
                "so their check function must be importable (defined at the top level of a module)."
            )
        with self._lock:
            try:
                self._start()
                if self._law is not law:
                    self._law = None
                    self._ask(("law", law), START_TIMEOUT, "receive the law")
                    self._law = law
                if blob not in self._checkers:
                    self._ask(("checker", blob), START_TIMEOUT, "load the checker")
                    self._checkers.add(blob)
                run = ("run", blob, ctx.convention, ctx.as_of, options, findings_cap(provision_ids))
                reply = self._ask(run, checker.timeout, None)
            except _WorkerGone as exc:
                self.stop()
                return [], f"{name} {exc.what}."
            except _Refused as exc:
                if exc.retire:
                    self.stop()
                return [], f"{name} {exc}."
        return validate_output(checker, provision_ids, reply.drafts, revalidate=False, limbs=limbs)

    def _start(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        self.stop()
        package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", "from cybercrime_check.engine.worker import main; main()", str(MEMORY_LIMIT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
        except (OSError, ValueError) as exc:
            raise _WorkerGone(f"could not start its worker process ({describe(exc)})") from None
        self._process = process
        self._replies = queue.Queue()
        assert process.stdout is not None
        threading.Thread(
            target=_read_replies, args=(process.stdout, self._replies), name="cybercrime-check replies", daemon=True
        ).start()
        # The worker imports what the checkers' modules import, so it must see what this process sees.
        self._ask(("path", list(sys.path)), START_TIMEOUT, "start")

    def _ask(self, message: tuple[Any, ...], timeout: float, step: str | None) -> _Reply:
        process = self._process
        assert process is not None and process.stdin is not None
        try:
            data = pickle.dumps(message)
            process.stdin.write(struct.pack(">Q", len(data)) + data)
            process.stdin.flush()
        except (OSError, ValueError):
            raise _WorkerGone(self._ended()) from None
        try:
            raw = self._replies.get(timeout=timeout)
        except queue.Empty:
            what = f"{step} within {timeout:g} s" if step else f"finish within {timeout:g} s"
            raise _WorkerGone(f"did not {what}") from None
        if raw is None:
            raise _WorkerGone(self._ended())
        try:
            reply = _Reply.model_validate_json(raw)
        except ValidationError as exc:
            err = exc.errors(include_url=False, include_input=False)[0]
            if err["loc"][:1] == ("drafts",) and len(err["loc"]) > 2:
                where = ".".join(str(part) for part in err["loc"][2:])
                raise _Refused(f"returned an invalid FindingDraft ({where}: {err['msg']})", retire=False) from None
            raise _WorkerGone("sent a reply the engine cannot read (did it write to the engine's pipe?)") from None
        if reply.error is not None:
            raise _Refused(reply.error, retire=reply.retire)
        return reply

    def _ended(self) -> str:
        process = self._process
        assert process is not None
        try:
            code = process.wait(5)
        except subprocess.TimeoutExpired:
            return "closed its connection to the engine"
        if code < 0:
            return f"ended its process (killed by signal {-code}; out of memory?)"
        return f"ended its process (exit code {code})"

    def stop(self) -> None:
        """End the worker (if any); the next third-party checker starts a new one."""
        process = self._process
        self._process = self._law = None
        self._checkers = set()
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with suppress(OSError):
                    stream.close()
        with suppress(subprocess.TimeoutExpired):  # a process that SIGKILL does not end
            process.wait(5)


def _read_replies(stream: IO[bytes], replies: queue.Queue[bytes | None]) -> None:
    """Put each length-prefixed reply of the worker on ``replies``; ``None`` when it ends or breaks the framing."""
    try:
        while True:
            head = stream.read(8)
            if len(head) < 8:
                break
            (size,) = struct.unpack(">Q", head)
            if size > MAX_REPLY_BYTES:
                break
            body = stream.read(size)
            if len(body) < size:
                break
            replies.put(body)
    except (OSError, ValueError):
        pass
    replies.put(None)


_HOSTS: dict[int, _Host] = {}
_HOSTS_LOCK = threading.Lock()


def _host() -> _Host:
    """This process's host (a forked child gets its own, never its parent's worker)."""
    pid = os.getpid()
    with _HOSTS_LOCK:
        host = _HOSTS.get(pid)
        if host is None:
            _HOSTS.clear()
            host = _HOSTS[pid] = _Host()
            atexit.register(host.stop)
        return host


def stop_workers() -> None:
    """End this process's checker worker, if one is running (it also ends when this process does)."""
    with _HOSTS_LOCK:
        host = _HOSTS.pop(os.getpid(), None)
    if host is not None:
        host.stop()

"""What every command shares: the parser class, option types, common options and output writing.

Kept free of the library's heavy modules so that building the command line (``--version``,
``--help``) imports nothing but argparse; each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..errors import OutputError, UsageError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

TEXT_VERSIONS = ("uncc-2024", "uncc-draft-2024-02")
"""The Convention texts (as in the catalogue; a test keeps the two equal without importing it here)."""
DEFAULT_VERSION = "uncc-2024"
SEVERITIES = ("info", "low", "medium", "high", "critical")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 on usage errors already
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def convention_option(p: argparse.ArgumentParser, help_text: str) -> None:
    p.add_argument("--convention", choices=list(TEXT_VERSIONS), default=DEFAULT_VERSION, help=help_text)


def numbering_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--both-numberings",
        action="store_true",
        help="html: also show each article's number in the other Convention text",
    )


def evaluation_options(p: argparse.ArgumentParser) -> None:
    convention_option(p, "Convention text whose article numbers are shown (default: the adopted text)")
    p.add_argument("--as-of", type=iso_date, default=None, help="evaluate the law as it stood on this date")
    p.add_argument("--checker", action="append", dest="checkers", metavar="ID", help="run only these checkers")
    p.add_argument("--exclude", action="append", default=[], metavar="ID", help="skip these checkers")
    p.add_argument("--no-plugins", action="store_true", help="disable third-party plugins")


def output_option(p: argparse.ArgumentParser, what: str = "write to FILE instead of standard output") -> None:
    p.add_argument("-o", "--output", metavar="FILE", help=what)


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity where the system says, else ``os.cpu_count()``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def capped_jobs(jobs: int) -> int:
    """``--jobs`` at most the number of CPUs: more processes than CPUs only compete (and start all at once)."""
    limit = cpu_count()
    if jobs > limit:
        print(
            f"cybercrime-check: --jobs {jobs} is more than the {limit} CPU(s) available; using {limit}", file=sys.stderr
        )
        return limit
    return jobs


# --- inputs ----------------------------------------------------------------------------------------


def input_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The law files named: files as given, directories expanded to their ``*.yaml`` files.

    A directory without any is bad input (exit 2), not an empty run that looks like success.
    """
    from ..files.loader import expand_paths

    files: list[Path] = []
    for raw in paths:
        found = expand_paths([raw])
        if not found and Path(raw).is_dir():
            raise UsageError(f"no law files found in {raw} (expected *.yaml or *.yml files)")
        files.extend(found)
    return files


def standard_input() -> BinaryIO:
    """Standard input as bytes; a closed standard input is a usage error, not a traceback."""
    if sys.stdin is None:
        raise UsageError("standard input is closed; give a file, or pipe the requests in")
    return sys.stdin.buffer


# --- outputs ---------------------------------------------------------------------------------------
#
# Every command writes the same way: outputs are checked before any input is read (an output that is
# an input, or two outputs that are one file, are refused), and written only when the work is done, to
# a temporary file in the same directory that replaces the target at the end. A run that fails leaves
# the target as it was; a run that succeeds never leaves a half-written file.


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same inode (hard and symbolic links followed), or, where one does
    not exist yet, the same resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _stdin_is(path: str) -> bool:
    """Whether standard input is redirected from the file ``path``."""
    try:
        st_in, st_out = os.fstat(sys.stdin.fileno()), os.stat(path)
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISREG(st_in.st_mode) and (st_in.st_dev, st_in.st_ino) == (st_out.st_dev, st_out.st_ino)


def check_outputs(
    inputs: Iterable[str | os.PathLike[str]],
    outputs: Sequence[tuple[str, str | None]],
    *,
    reads_stdin: bool = False,
) -> None:
    """Refuse, before anything is opened, an output that is one of the ``inputs`` (or standard input when it is
    read), or the same file as another output; and an output that cannot be written (no such directory, a
    directory, no permission). ``outputs`` are (option, path) pairs; a path of ``None`` is standard output.
    """
    named = [(option, path) for option, path in outputs if path]
    files = list(inputs)
    for i, (option, path) in enumerate(named):
        if _special(path):  # /dev/null, /dev/stdout, a pipe: written in place, never replaced
            continue
        for source in files:
            if _same_file(path, source):
                raise UsageError(f"{option} {path} is also an input ({source}); write the output to another file")
        if reads_stdin and _stdin_is(path):
            raise UsageError(f"{option} {path} is also the input (standard input); write the output to another file")
        for other_option, other in named[:i]:
            if _same_file(path, other):
                raise UsageError(f"{other_option} {other} and {option} {path} are the same file; give two files")
        _check_writable(path)


def _special(path: str) -> bool:
    """Whether ``path`` is an existing device, pipe or socket (``/dev/null``, ``/dev/stdout``): written in place."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _check_writable(path: str) -> None:
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise OutputError(f"cannot write {path}: it is a directory")
    if _special(path):
        return
    parent = os.path.dirname(target)
    if not os.path.isdir(parent):
        raise OutputError(f"cannot write {path}: no such directory {os.path.dirname(path) or parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: permission denied (its directory must be writable)")
    if os.path.exists(target) and not os.access(target, os.W_OK):
        raise OutputError(f"cannot write {path}: permission denied")


class Sink:
    """A text output whose write errors are :class:`OutputError` (one line, exit 2), never a traceback."""

    def __init__(self, stream: IO[str], name: str) -> None:
        self._stream = stream
        self.name = name

    def write(self, text: str) -> None:
        try:
            self._stream.write(text)
        except OSError as exc:
            raise _output_error(self.name, exc) from None

    def write_bytes(self, data: bytes) -> None:
        """Write UTF-8 bytes past the text layer (flushed first, so the order holds), when the stream has one."""
        buffer = getattr(self._stream, "buffer", None)
        if buffer is None:
            self.write(data.decode())
            return
        try:
            self._stream.flush()
            buffer.write(data)
        except OSError as exc:
            raise _output_error(self.name, exc) from None

    def writelines(self, chunks: Iterable[str]) -> None:
        for chunk in chunks:
            self.write(chunk)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _output_error(self.name, exc) from None


def _output_error(name: str, exc: OSError) -> OutputError:
    if name == "standard output":
        _silence_stdout()
    return OutputError(f"cannot write {name}: {exc.strerror or exc}")


def _silence_stdout() -> None:
    """After standard output failed (a closed pipe, a full disk), point it at the null device, so that the
    interpreter's last flush at exit does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass


@contextmanager
def open_output(path: str | None, *, newline: str | None = None) -> Iterator[Sink]:
    """Standard output, or the file ``path`` written atomically: a temporary file in the same directory that
    is flushed to disk and renamed over ``path`` only if the block finishes; if it raises, ``path`` is left
    as it was. Devices and pipes (``/dev/null``) are written in place.
    """
    if not path:
        if sys.stdout is None:
            raise OutputError("cannot write standard output: it is closed")
        sink = Sink(sys.stdout, "standard output")
        yield sink
        sink.flush()
        return
    if _special(path):
        try:
            stream = open(path, "w", encoding="utf-8", newline=newline)  # noqa: SIM115 - closed below
        except OSError as exc:
            raise _output_error(path, exc) from None
        try:
            sink = Sink(stream, path)
            yield sink
            sink.flush()
        finally:
            with suppress(OSError):
                stream.close()
        return
    _check_writable(path)
    target = os.path.realpath(path)  # a symbolic link keeps pointing at the (new) file
    directory, name = os.path.split(target)
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    except OSError as exc:
        raise _output_error(path, exc) from None
    committed = False
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield Sink(stream, path)
            try:
                stream.flush()
                if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                    os.fchmod(fd, _mode_for(target))
                os.fsync(fd)
            except OSError as exc:
                raise _output_error(path, exc) from None
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise _output_error(path, exc) from None
        committed = True
        _sync_directory(directory)
    finally:
        if not committed:
            with suppress(OSError):
                os.unlink(temporary)


def _mode_for(target: str) -> int:
    """The permissions of the file being replaced, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output`` (atomically, see :func:`open_output`), or to standard output."""
    with open_output(output) as out:
        out.write(text)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one command, and restore it afterwards.

    Law files and verdicts are large, acyclic trees of objects; the collector's passes over them make
    reading, evaluating and rendering super-linear in their size (see ``benchmarks/README.md``), while
    reference counting frees them all anyway. The library never touches the collector; the command line
    owns its process, so it may, for the commands that read and judge laws (``triage`` too: a valid
    request line leaves no cycles, and it collects young garbage after malformed ones). Third-party
    checkers are not affected: they run in worker processes of their own.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collecting(report: Callable[[str], Any], every: int = 1000) -> Callable[[str], Any]:
    """``report``, collecting young cyclic garbage after every ``every`` reports.

    Triage runs with the collector paused (a quarter of its time went to collections over the tables and
    laws, while a valid line leaves no reference cycles: refcounting frees it). Locating a malformed line's
    problem may leave some (exceptions, YAML nodes); collecting the young generations now and then keeps
    memory flat on a file full of them.
    """
    count = 0

    def write(text: str) -> Any:
        nonlocal count
        count += 1
        if count % every == 0:
            gc.collect(1)
        return report(text)

    return write

"""Synthetic laws for scale benchmarks, built by replicating real corpus provisions.

Replicas keep every field of the real provision (so every checker has the
same work to do per provision) and get unique ids; nothing here is legal data.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from cybercrime_check.files.strict_yaml import read_yaml

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "examples" / "laws" / "eg-law-175-2018.yaml"


def _read(path: Path) -> dict[str, Any]:
    doc, problems = read_yaml(path.read_bytes(), str(path))
    assert doc is not None and not problems, problems
    assert isinstance(doc.data, dict)
    return doc.data


def _base() -> dict[str, Any]:
    return _read(BASE)


def scaled_law(n_offences: int, n_powers: int, *, law_id: str = "synthetic") -> dict[str, Any]:
    """A law with ``n_offences`` offences and ``n_powers`` powers, cycling the base law's provisions."""
    base = _base()
    offences, powers = base["offences"], base["procedural_powers"]
    law = {k: v for k, v in base.items() if k not in ("offences", "procedural_powers", "cooperation_rules")}
    law["id"] = law_id
    law.pop("supersedes", None)

    def replicate(items: list[dict[str, Any]], n: int, prefix: str) -> list[dict[str, Any]]:
        out = []
        for i in range(n):
            item = copy.deepcopy(items[i % len(items)])
            item["id"] = f"{prefix}-{i}"
            out.append(item)
        return out

    law["offences"] = replicate(offences, n_offences, "o")
    law["procedural_powers"] = replicate(powers, n_powers, "p")
    law["cooperation_rules"] = copy.deepcopy(base.get("cooperation_rules", "unspecified"))
    return law


def write_law(path: Path, data: dict[str, Any]) -> Path:
    """Write ``data`` to ``path``; a law that resolves penalties from a penal code's general part gets the
    corpus's ``general/`` folder beside it, as the loader expects, so it costs what the real law costs."""
    general = path.parent / "general"
    if data.get("general_part") and not general.exists():
        shutil.copytree(ROOT / "examples" / "laws" / "general", general)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_corpus(directory: Path, n_laws: int) -> list[Path]:
    """``n_laws`` files copied from the corpus with unique ids (jurisdiction kept)."""
    sources = sorted((ROOT / "examples" / "laws").glob("*.yaml"))
    paths = []
    for i in range(n_laws):
        data = _read(sources[i % len(sources)])
        data["id"] = f"{data['id']}-{i}"
        data.pop("supersedes", None)
        paths.append(write_law(directory / f"law-{i:05d}.yaml", data))
    return paths

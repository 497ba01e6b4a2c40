"""Where a run's files live, and the small JSON-able description every stage receives.

Layout (OUT is replaced atomically at the end; STATE is committed once):
- STATE/work/<run>-<fingerprint>/  intermediate shards of this run (resume cache); deleted
  after a successful run.
- OUT's sibling `.<name>.partial/`  the new OUT being written; renamed over OUT at the end.
Stages pass `RunContext.to_dict()` (paths and settings), never documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cleaners.config import Config
from cleaners.state import safe_name


def code_version() -> str:
    """Digest of presswash's own source (the compiled core's included): part of every
    cache key, so a code change never reuses a batch computed by older code."""
    root = Path(__file__).resolve().parents[2]
    h = hashlib.sha256()
    for pkg in ("cleaners", "flows", "textcore/src"):
        for path in sorted((root / pkg).rglob("*")):
            if path.suffix in (".py", ".j2", ".js", ".rs") and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(root)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class RunContext:
    out: str
    state: str
    run_id: str
    config: dict[str, Any]
    fingerprint: str
    code: str
    inputs: tuple[str, ...] = ()
    runner: str = "local"  # how batches run; never changes what they produce

    @classmethod
    def create(cls, inputs: list[str], out: str, state: str, run_id: str | None, cfg: Config,
               runner: str = "local") -> RunContext:
        out_path = Path(out).resolve()
        rid = run_id or out_path.name
        return cls(str(out_path), str(Path(state).resolve()), rid, cfg.to_dict(), cfg.fingerprint(),
                   code_version(), tuple(inputs), runner)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunContext:
        d = dict(d)
        d["inputs"] = tuple(d.get("inputs", ()))
        return cls(**d)

    @cached_property
    def cfg(self) -> Config:
        from cleaners.config import _build

        return _build(Config, _listify(self.config), "")

    @property
    def work(self) -> Path:
        return Path(self.state) / "work" / f"{safe_name(self.run_id)}-{self.fingerprint}-{self.code}"

    @property
    def staging(self) -> Path:
        """The new OUT while it is written: tied to the work folder, so a resumed run
        finds the shards it wrote before dying, and a run with other settings does not."""
        out = Path(self.out)
        tag = hashlib.sha256(str(self.work).encode()).hexdigest()[:10]
        return out.parent / f".{out.name}.partial-{tag}"

    def shard_file(self, stage: str, index: int, suffix: str) -> Path:
        return self.work / stage / f"{index:05d}{suffix}"


def _listify(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        out[k] = _listify(v) if isinstance(v, dict) else v
    return out

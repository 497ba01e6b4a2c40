"""Folders of `.npy` arrays: the binary format between dedup stages and in STATE.

Plain `.npy` files can be memory-mapped (an `.npz` cannot), and never hold pickles:
strings are stored as UTF-8 bytes plus offsets, ragged lists as values plus offsets.
A folder is written under a temp name and renamed into place, so it is complete or absent.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np


def write_arrays(folder: str | os.PathLike[str], arrays: dict[str, np.ndarray]) -> None:
    final = Path(folder)
    tmp = final.with_name(f".{final.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, arr in arrays.items():
        np.save(tmp / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)
    if final.exists():
        shutil.rmtree(final)
    os.replace(tmp, final)


class Arrays:
    """Lazy, memory-mapped access to a folder written by `write_arrays`."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._cache: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._cache:
            self._cache[name] = np.load(self.folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        return self._cache[name]

    def ragged(self, name: str, i: int) -> np.ndarray:
        off = self[f"{name}_off"]
        return np.asarray(self[name][off[i]:off[i + 1]])

    def string(self, name: str, i: int) -> str:
        off = self[f"{name}_off"]
        return bytes(self[f"{name}_bytes"][off[i]:off[i + 1]]).decode("utf-8")


def ragged(name: str, parts: Sequence[np.ndarray], dtype: type) -> dict[str, np.ndarray]:
    lens = np.array([len(p) for p in parts], np.int64)
    return {
        name: np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype),
        f"{name}_off": np.concatenate(([0], np.cumsum(lens))).astype(np.int64),
    }


def strings(name: str, values: Sequence[str]) -> dict[str, np.ndarray]:
    raw = [v.encode("utf-8", "surrogatepass") for v in values]
    return {
        f"{name}_bytes": np.frombuffer(b"".join(raw), dtype=np.uint8).copy(),
        f"{name}_off": np.concatenate(([0], np.cumsum([len(r) for r in raw]))).astype(np.int64),
    }

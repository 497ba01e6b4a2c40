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


class FolderWriter:
    """A folder of `.npy` arrays written column by column, for columns too large to hold
    in memory: `open` gives a writable memory map to fill in parts. Complete or absent,
    as `write_arrays`: written under a temp name, renamed by `commit`."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.final = Path(folder)
        self.tmp = self.final.with_name(f".{self.final.name}.tmp")
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True)
        self._open: list[np.memmap] = []

    def save(self, name: str, arr: np.ndarray) -> None:
        np.save(self.tmp / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)

    def open(self, name: str, dtype: type | np.dtype, shape: tuple[int, ...]) -> np.memmap:
        mm = np.lib.format.open_memmap(self.tmp / f"{name}.npy", mode="w+", dtype=dtype, shape=shape)
        self._open.append(mm)
        return mm

    def commit(self) -> None:
        for mm in self._open:
            mm.flush()
        self._open.clear()
        if self.final.exists():
            shutil.rmtree(self.final)
        os.replace(self.tmp, self.final)


def select_ragged(w: FolderWriter, name: str, parts: Sequence[tuple[Arrays, np.ndarray]], dtype: type,
                  values: str | None = None) -> None:
    """Write the rows `rows` of each (folder, rows) part's ragged column `name` (values in
    `values`, default `name`; offsets in `name_off`) as one ragged column, part by part."""
    values = values or name
    lens = [np.diff(src[f"{name}_off"])[rows] for src, rows in parts]
    off = np.concatenate(([0], np.cumsum(np.concatenate(lens)) if lens else [])).astype(np.int64)
    out = w.open(values, dtype, (int(off[-1]),))
    pos = 0
    for (src, rows), ln in zip(parts, lens, strict=True):
        o, v = src[f"{name}_off"], src[values]
        for r, n in zip(rows.tolist(), ln.tolist(), strict=True):
            out[pos:pos + n] = v[o[r]:o[r] + n]
            pos += n
    w.save(f"{name}_off", off)


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

"""Folders of `.npy` arrays: the binary format between dedup stages and in STATE.

Plain `.npy` files can be memory-mapped (an `.npz` cannot), and never hold pickles:
strings are stored as UTF-8 bytes plus offsets, ragged lists as values plus offsets.
A folder is written under a temp name and renamed into place, so it is complete or absent.

Reading: small columns (offsets, dates) are memory-mapped; a document's values and a band
row are read with `pread`. Why not map everything: every page of a mapping a process has
touched counts in its resident memory until unmapped, so a pass over a million documents'
shingles through a map grows the process by the size of the files; a read costs one
system call and leaves the pages to the kernel's cache.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

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
        self._open: list[BinaryIO] = []

    def save(self, name: str, arr: np.ndarray) -> None:
        np.save(self.tmp / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)

    def stream(self, name: str, dtype: type | np.dtype, shape: tuple[int, ...]) -> BinaryIO:
        """A file to `write` the array's values to, in C order (its `.npy` header written)."""
        f = open(self.tmp / f"{name}.npy", "wb")  # noqa: SIM115 - closed by commit
        np.lib.format.write_array_header_1_0(f, {"descr": np.lib.format.dtype_to_descr(np.dtype(dtype)),
                                                 "fortran_order": False, "shape": shape})
        self._open.append(f)
        return f

    def commit(self) -> None:
        for f in self._open:
            f.close()
        self._open.clear()
        if self.final.exists():
            shutil.rmtree(self.final)
        os.replace(self.tmp, self.final)


def select_ragged(w: FolderWriter, name: str, parts: Sequence[tuple[Arrays, np.ndarray]], dtype: type,
                  values: str | None = None) -> None:
    """Write the rows `rows` of each (folder, rows) part's ragged column `name` (values in
    `values`, default `name`; offsets in `name_off`) as one ragged column, part by part."""
    values = values or name
    lens = [np.diff(src.load(f"{name}_off"))[rows] for src, rows in parts]
    off = np.concatenate(([0], np.cumsum(np.concatenate(lens)) if lens else [])).astype(np.int64)
    out = w.stream(values, dtype, (int(off[-1]),))
    for src, rows in parts:  # one part (a batch of documents) in memory at a time
        o, v = src.load(f"{name}_off"), src.load(values)
        if len(rows):
            out.write(np.concatenate([v[o[r]:o[r + 1]] for r in rows.tolist()]).astype(dtype).tobytes())
    w.save(f"{name}_off", off)


class Arrays:
    """Lazy, memory-mapped access to a folder written by `write_arrays`."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._cache: dict[str, np.ndarray] = {}
        self._files: dict[str, tuple[int, np.dtype, tuple[int, ...], int]] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._cache:
            self._cache[name] = np.load(self.folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        return self._cache[name]

    def load(self, name: str) -> np.ndarray:
        """The whole column in memory (not mapped): for a pass that needs all of it once."""
        return np.load(self.folder / f"{name}.npy", allow_pickle=False)

    def _file(self, name: str) -> tuple[int, np.dtype, tuple[int, ...], int]:
        if name not in self._files:
            path = self.folder / f"{name}.npy"
            with open(path, "rb") as f:
                version = np.lib.format.read_magic(f)
                header = np.lib.format.read_array_header_1_0 if version == (1, 0) else \
                    np.lib.format.read_array_header_2_0
                shape, fortran, dtype = header(f)
                start = f.tell()
            assert not fortran, path
            self._files[name] = (os.open(path, os.O_RDONLY), dtype, shape, start)
        return self._files[name]

    def read(self, name: str, a: int, b: int) -> np.ndarray:
        """Elements a..b of a 1-D column, read (not mapped)."""
        fd, dtype, _, start = self._file(name)
        return np.frombuffer(os.pread(fd, (b - a) * dtype.itemsize, start + a * dtype.itemsize), dtype=dtype)

    def row(self, name: str, i: int) -> np.ndarray:
        """Row i of a 2-D column, read (not mapped)."""
        fd, dtype, shape, start = self._file(name)
        width = shape[1] * dtype.itemsize
        return np.frombuffer(os.pread(fd, width, start + i * width), dtype=dtype)

    def ragged(self, name: str, i: int) -> np.ndarray:
        off = self[f"{name}_off"]
        return self.read(name, int(off[i]), int(off[i + 1]))

    def string(self, name: str, i: int) -> str:
        off = self[f"{name}_off"]
        return self.read(f"{name}_bytes", int(off[i]), int(off[i + 1])).tobytes().decode("utf-8")

    def close(self) -> None:
        for fd, *_ in self._files.values():
            os.close(fd)
        self._files.clear()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter exit os may be gone already
            self.close()


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

"""Array folders: what `pread` reads equals what was written; streamed columns equal
saved ones; a folder is complete or absent."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaners.io.arrays import Arrays, FolderWriter, ragged, select_ragged, strings, write_arrays


def test_reads_equal_the_written_arrays(tmp_path: Path) -> None:
    parts = [np.arange(n, dtype=np.uint32) * 7 for n in (0, 3, 1, 5)]
    names = ["", "ana", "日本語", "x" * 300]
    bands = np.arange(24, dtype=np.uint64).reshape(4, 6)
    write_arrays(tmp_path / "a", {**ragged("sh", parts, np.uint32), **strings("id", names), "bands": bands})
    a = Arrays(tmp_path / "a")
    assert [a.ragged("sh", i).tolist() for i in range(4)] == [p.tolist() for p in parts]
    assert [a.string("id", i) for i in range(4)] == names
    assert [a.row("bands", b).tolist() for b in range(4)] == bands.tolist()
    a.close()


def test_selected_rows_stream_into_one_column(tmp_path: Path) -> None:
    shards = []
    for s in range(3):
        parts = [np.full(s + i, 10 * s + i, np.uint32) for i in range(4)]
        ids = strings("id", [f"{s}-{i}" for i in range(4)])
        write_arrays(tmp_path / f"s{s}", {**ragged("sh", parts, np.uint32), **ids})
        shards.append(Arrays(tmp_path / f"s{s}"))
    rows = [np.array([0, 2]), np.array([], np.int64), np.array([1, 3])]
    w = FolderWriter(tmp_path / "out")
    select_ragged(w, "sh", list(zip(shards, rows, strict=True)), np.uint32)
    select_ragged(w, "id", list(zip(shards, rows, strict=True)), np.uint8, values="id_bytes")
    stream = w.stream("bands", np.uint64, (2, 3))
    stream.write(np.array([1, 2, 3], np.uint64).tobytes())
    stream.write(np.array([4, 5, 6], np.uint64).tobytes())
    assert not (tmp_path / "out").exists()  # nothing visible before the commit
    w.commit()
    out = Arrays(tmp_path / "out")
    want = [shards[s].ragged("sh", int(r)).tolist() for s in range(3) for r in rows[s]]
    assert [out.ragged("sh", i).tolist() for i in range(4)] == want
    assert [out.string("id", i) for i in range(4)] == ["0-0", "0-2", "2-1", "2-3"]
    assert np.load(tmp_path / "out" / "bands.npy").tolist() == [[1, 2, 3], [4, 5, 6]]

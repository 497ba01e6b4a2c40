"""Stage 4, per shard: the contract outputs — corpus and ledger shards.

Every entry of the shard becomes exactly one ledger record (kept, duplicate with
`duplicate_of`, or rejected with a reason); kept documents also go to the corpus, and the
texts of duplicates, with their source and url, to OUT/dedup/texts/ (the report's diffs,
member links and source filter need them, and `presswash report OUT` must rebuild from
OUT alone). Records are in input order. A document a reviewer's verdict shaped (kept
apart from a cluster, chosen as keeper, confirmed as a duplicate) cites it in `review`.
"""

from __future__ import annotations

from typing import Any

import orjson

from cleaners.io.shards import OPTS, read_records, shard_name, shard_writer
from cleaners.outputs import LedgerRecord, dumps
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.records import Cleaned, Rejected, read_entry


def write_shard(index: int, rctx_d: dict[str, Any]) -> dict[str, Any]:
    rctx = RunContext.from_dict(rctx_d)
    comp = rctx.cfg.run.compression
    assigned = orjson.loads(rctx.shard_file("assign", index, ".json").read_bytes())
    assign = {row[0]: row for row in assigned["dup"]}
    cited = {seq: cites for seq, cites in assigned["kept"]}
    counts = {"kept": 0, "duplicate": 0, "rejected": 0}
    reasons: dict[str, int] = {}
    staging = rctx.staging
    name = shard_name(index, comp)
    with shard_writer(staging / "corpus" / name, comp) as cw, \
            shard_writer(staging / "ledger" / name, comp) as lw, \
            shard_writer(staging / "dedup" / "texts" / name, comp) as tw:
        for raw in read_records(rctx.shard_file("clean", index, ".jsonl.zst")):
            rec = read_entry(raw, Cleaned)
            if isinstance(rec, Rejected):
                ledger = LedgerRecord(rec.id, "rejected", reason=rec.reason_text, place=rec.place)
                counts["rejected"] += 1
                reasons[rec.reason] = reasons.get(rec.reason, 0) + 1
                lw.write(dumps(ledger))
                continue
            assert isinstance(rec, Cleaned)
            if rec.seq in assign:
                _, kept, kept_run, sim, kind, cluster, cites = assign[rec.seq]
                ledger = LedgerRecord(rec.id, "duplicate", duplicate_of=kept, similarity=sim, match=kind,
                                      cluster=cluster, source=rec.source, url=rec.url, duplicate_of_run=kept_run,
                                      review=tuple(cites))
                counts["duplicate"] += 1
                # with its source and url: the report shows them per member and filters on them
                tw.write(orjson.dumps({"id": rec.id, "text": rec.text, "url": rec.url, "source": rec.source},
                                      option=OPTS))
            else:
                ledger = LedgerRecord(rec.id, "kept", source=rec.source, url=rec.url, removed=rec.removed,
                                      review=tuple(cited.get(rec.seq, ())))
                counts["kept"] += 1
                cw.write(orjson.dumps({"id": rec.id, "text": rec.text, "url": rec.url, "source": rec.source,
                                       "date": rec.date}, option=OPTS))
            lw.write(dumps(ledger))
    return {"index": index, "counts": counts, "reasons": reasons}

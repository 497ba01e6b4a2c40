"""datatrove 0.10.1's MinHash dedup, its 4 stages, run inside bench/.venv-datatrove.

Why a script of its own: datatrove is not a presswash dependency (and pins its own
stack), so it runs in its own venv as a subprocess; this file imports only the standard
library and datatrove. It follows datatrove's examples/minhash_deduplication.py:
signatures (one task per input file) → buckets (one task per bucket) → cluster (one task)
→ filter (kept documents to `output/`, removed ones to `removed/`), all with its default
`MinhashConfig` (5-gram shingles, 14 buckets x 8 hashes, 64-bit xxhash).

The word tokenizer is passed as an instance: datatrove's English default is NLTK's, whose
data cannot be downloaded here. After `simplify_text` (lower case, no punctuation, spaces
normalised) splitting on whitespace is what any word tokenizer yields.

Prints one JSON line: seconds per stage and in total (imports excluded).
"""

from __future__ import annotations

import argparse
import json
import time

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup import MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter, MinhashDedupSignature
from datatrove.pipeline.dedup.minhash import MinhashConfig
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers.jsonl import JsonlWriter
from datatrove.utils.word_tokenizers import WordTokenizer


class SplitTokenizer(WordTokenizer):
    """Whitespace word tokenizer (the text is already simplified by datatrove)."""

    def word_tokenize(self, text: str) -> list[str]:
        return text.split()

    def sent_tokenize(self, text: str) -> list[str]:
        return [s for s in text.split("\n") if s.strip()]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for s in self.sent_tokenize(text):
            start = text.index(s, pos)
            spans.append((start, start + len(s)))
            pos = start + len(s)
        return spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True, help="folder of .jsonl.gz shards")
    ap.add_argument("--work", required=True)
    ap.add_argument("--tasks", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    cfg = MinhashConfig()
    w = a.work
    common = {"workers": a.workers, "start_method": "fork", "skip_completed": False}

    def reader() -> JsonlReader:
        return JsonlReader(a.input, glob_pattern="*.jsonl.gz", text_key="text", id_key="id")

    stages = {
        "signatures": LocalPipelineExecutor(
            pipeline=[reader(), MinhashDedupSignature(output_folder=f"{w}/signatures", config=cfg,
                                                      language=SplitTokenizer())],
            tasks=a.tasks, logging_dir=f"{w}/logs/signatures", **common),
        "buckets": LocalPipelineExecutor(
            pipeline=[MinhashDedupBuckets(input_folder=f"{w}/signatures", output_folder=f"{w}/buckets", config=cfg)],
            tasks=cfg.num_buckets, logging_dir=f"{w}/logs/buckets", **common),
        "cluster": LocalPipelineExecutor(
            pipeline=[MinhashDedupCluster(input_folder=f"{w}/buckets", output_folder=f"{w}/remove_ids", config=cfg)],
            tasks=1, logging_dir=f"{w}/logs/cluster", **(common | {"workers": 1})),
        "filter": LocalPipelineExecutor(
            pipeline=[reader(), MinhashDedupFilter(input_folder=f"{w}/remove_ids",
                                                   exclusion_writer=JsonlWriter(f"{w}/removed")),
                      JsonlWriter(f"{w}/output")],
            tasks=a.tasks, logging_dir=f"{w}/logs/filter", **common),
    }
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    for name, ex in stages.items():
        t = time.perf_counter()
        ex.run()
        seconds[name] = round(time.perf_counter() - t, 3)
    seconds["total"] = round(time.perf_counter() - t0, 3)
    print(json.dumps({"seconds": seconds, "config": str(cfg)}))


if __name__ == "__main__":
    main()

"""What the scenarios share: options, corpora, and the presswash text runs.

Why shared runs: the memory scenario needs presswash's peak RSS at each text size, the
incremental scenario a STATE built over the largest text corpus, and the text scenario
both of those runs' speeds; each such run costs minutes to hours at 1M documents, so it
is made once per harness run (memoised here) and every scenario reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench.corpora import Corpus, CorpusSpec, ensure_corpus
from bench.monitor import Measured
from bench.presswash_run import PresswashRun, run_presswash
from bench.report import fmt, mb, ratio

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
THROUGHPUT = ["tool", "docs", "work s", "docs/s", "MB/s", "process wall s", "docs/s (wall)", "peak RSS tree MB",
              "peak RSS excl. Prefect server MB", "peak PSS tree MB", "CPU s (tree)", "status"]


@dataclass
class Options:
    sizes: list[int]
    scenarios: list[str]
    quick: bool = False
    results: Path = BENCH / "RESULTS.md"
    shared: Path = ROOT.parent / "shared"
    corpora: Path = BENCH / "corpora"
    work: Path = BENCH / "work"
    html_docs: int = 10_000
    new_docs: int = 10_000
    update_docs: int = 5_000
    sig_max_docs: int = 100_000
    lsh_docs: int = 100_000
    report_clusters: int = 90_000
    report_docs: int = 1_000_000
    report_loads: int = 3  # fresh browser loads per page (the median is reported)
    datatrove: bool = True
    keep_sections: bool = False
    workers: int = 2
    timeout: float | None = None
    argv: list[str] = field(default_factory=list)


class Bench:
    """Options plus the memoised corpora and presswash text runs of one harness run."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.corpora: dict[str, Corpus] = {}
        self.text_runs: dict[int, PresswashRun] = {}

    def corpus(self, spec: CorpusSpec) -> Corpus:
        if spec.name not in self.corpora:
            self.corpora[spec.name] = ensure_corpus(spec, self.opts.corpora, self.opts.shared, self.opts.workers)
        return self.corpora[spec.name]

    def text_corpus(self, size: int) -> Corpus:
        return self.corpus(CorpusSpec(size, seed=1, dup_rate=0.1))

    def text_run(self, size: int) -> PresswashRun:
        """presswash over the text corpus of `size`, with a fresh STATE (made once)."""
        if size not in self.text_runs:
            c = self.text_corpus(size)
            w = self.opts.work / f"text-{size}"
            self.text_runs[size] = self.presswash([c.path], w / "out", w / "state", w / "presswash.log")
        return self.text_runs[size]

    def presswash(self, inputs: list[Path], out: Path, state: Path, log: Path,
                  fresh_state: bool = True) -> PresswashRun:
        return run_presswash(inputs, out, state, log, fresh_state=fresh_state, timeout=self.opts.timeout)

    def corpora_rows(self) -> list[list[str]]:
        return [[c.spec.name, fmt(c.docs), fmt(c.mb), " ".join(c.spec.args()), fmt(c.gen_s)]
                for c in self.corpora.values()]


def status(error: str | None) -> str:
    return "ok" if error is None else f"failed: {error}"


def throughput_row(tool: str, docs: int, raw_mb: float, work_s: float | None, m: Measured | None,
                   error: str | None) -> list[str]:
    """One row of THROUGHPUT; rates are None (—) for a failed run."""
    ok = error is None
    wall = m.wall_s if m else None
    return [tool, fmt(docs), fmt(work_s), fmt(ratio(docs, work_s) if ok else None),
            fmt(ratio(raw_mb, work_s) if ok else None), fmt(wall), fmt(ratio(docs, wall) if ok else None),
            fmt(mb(m.peak_rss) if m else None), fmt(mb(m.peak_rss_no_server) if m else None),
            fmt(mb(m.peak_pss) if m else None), fmt(m.cpu_s if m else None), status(error)]


def skipped_row(tool: str, docs: int, reason: str) -> list[str]:
    return [tool, fmt(docs), *["—"] * (len(THROUGHPUT) - 3), f"skipped: {reason}"]


def docs_per_s(docs: int, seconds: float | None, error: str | None) -> float | None:
    return None if error else ratio(docs, seconds)

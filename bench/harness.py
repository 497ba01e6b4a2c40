"""`python -m bench.harness`: presswash and its peers side by side, into bench/RESULTS.md.

Why one harness run for everything: speed ratios are only meaningful between runs made
on the same machine under the same load, so each scenario runs presswash and its peer
one after the other, and RESULTS.md records the machine, the date, the command line, the
corpus parameters and the load average. RESULTS.md is rewritten after every scenario, so
an interrupted run keeps what it measured; a scenario that raises is reported as failed.

Examples:
    python -m bench.harness                                   # 10k, 100k, 1M; all scenarios
    python -m bench.harness --sizes 10000,100000 --scenarios text,signatures
    python -m bench.harness --quick --results /tmp/r.md       # 1k docs, no datatrove venv
    python -m bench.harness --scenarios report --keep-sections   # re-measure one, keep the rest
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from bench.context import BENCH, ROOT, Bench, Options
from bench.report import Section, earlier_sections, loadavg, machine, now, render
from bench.scenarios import SCENARIOS, clean_work

QUICK = {"sizes": [1000], "html_docs": 20, "new_docs": 100, "update_docs": 200, "sig_max_docs": 1000,
         "lsh_docs": 1000, "report_clusters": 2000, "report_docs": 20_000}


def _ints(s: str) -> list[int]:
    return [int(x.replace("_", "")) for x in s.split(",") if x.strip()]


def parse(argv: list[str]) -> Options:
    ap = argparse.ArgumentParser(prog="python -m bench.harness", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=_ints, default=None, help="text corpus sizes (default 10000,100000,1000000)")
    ap.add_argument("--scenarios", default=",".join(SCENARIOS), help=f"comma list of {', '.join(SCENARIOS)}")
    ap.add_argument("--quick", action="store_true",
                    help="1k documents, small html/incremental batches, datatrove skipped (the smoke test)")
    ap.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="../shared (gen_corpus.py)")
    ap.add_argument("--corpora", type=Path, default=BENCH / "corpora", help="generated corpora (cached)")
    ap.add_argument("--work", type=Path, default=BENCH / "work", help="scratch outputs (wiped at start)")
    ap.add_argument("--html-docs", type=int, default=None, help="html pages (default min(10k, max size))")
    ap.add_argument("--new-docs", type=int, default=None, help="incremental batch size (default 10000)")
    ap.add_argument("--update-docs", type=int, default=None, help="docs for the datasketch update loop (default 5000)")
    ap.add_argument("--sig-max-docs", type=int, default=None, help="docs in the signatures scenario (default 100000)")
    ap.add_argument("--no-datatrove", action="store_true", help="skip datatrove (no venv is created)")
    ap.add_argument("--report-clusters", type=int, default=None, help="clusters of the report scenario (90,000)")
    ap.add_argument("--report-docs", type=int, default=None, help="documents of its synthetic OUT (1,000,000)")
    ap.add_argument("--keep-sections", action="store_true",
                    help="keep the sections of scenarios not run now from the existing results file")
    ap.add_argument("--timeout", type=float, default=0, help="seconds per subprocess run (0: none)")
    a = ap.parse_args(argv)
    chosen = [x.strip() for x in a.scenarios.split(",") if x.strip()]
    unknown = [x for x in chosen if x not in SCENARIOS]
    if unknown:
        ap.error(f"unknown scenarios {unknown}; choose from {', '.join(SCENARIOS)}")
    base = dict(QUICK) if a.quick else {"sizes": [10_000, 100_000, 1_000_000], "new_docs": 10_000,
                                        "update_docs": 5_000, "sig_max_docs": 100_000, "lsh_docs": 100_000,
                                        "report_clusters": 90_000, "report_docs": 1_000_000}
    sizes = sorted(set(a.sizes or base["sizes"]))
    html_docs = a.html_docs or base.get("html_docs") or min(10_000, max(sizes))
    return Options(
        sizes=sizes, scenarios=chosen, quick=a.quick, results=a.results, shared=a.shared, corpora=a.corpora,
        work=a.work, html_docs=html_docs, new_docs=a.new_docs or base["new_docs"],
        update_docs=a.update_docs or base["update_docs"], sig_max_docs=a.sig_max_docs or base["sig_max_docs"],
        lsh_docs=base["lsh_docs"], report_clusters=a.report_clusters or base["report_clusters"],
        report_docs=a.report_docs or base["report_docs"], datatrove=not (a.quick or a.no_datatrove),
        timeout=a.timeout or None, keep_sections=a.keep_sections, argv=list(argv))


def _failed(name: str, exc: BaseException) -> Section:
    s = Section(name, f"{name}: FAILED")
    s.notes.append(f"the scenario raised {type(exc).__name__}: {exc}")
    s.notes.append("traceback (last lines): " + " / ".join(traceback.format_exc().strip().splitlines()[-4:]))
    return s


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    o = parse(argv)
    if not (o.shared / "tools" / "gen_corpus.py").exists():
        print(f"{o.shared}/tools/gen_corpus.py is missing (pass --shared)", file=sys.stderr)
        return 1
    b = Bench(o)
    kept = earlier_sections(o.results.read_text(), o.scenarios) if o.keep_sections and o.results.exists() else None
    clean_work(b)
    started = now()
    cmdline = "python -m bench.harness " + " ".join(argv)
    sections: list[Section] = []

    def write() -> None:
        meta = [("date", f"{started} → {now()}"), ("command", f"`{cmdline.strip()}`"),
                ("sizes", ", ".join(f"{z:,}" for z in o.sizes)), ("scenarios", ", ".join(o.scenarios)),
                ("mode", "quick (datatrove skipped)" if o.quick else "full"),
                *machine(ROOT, BENCH / ".venv-datatrove")]
        if kept:
            meta.append(("sections kept from an earlier run", kept.describe()))
        o.results.parent.mkdir(parents=True, exist_ok=True)
        o.results.write_text(render(sections, meta, b.corpora_rows(), kept))

    failed = 0
    for name in o.scenarios:
        t, at, load = time.perf_counter(), now(), loadavg()
        print(f"[bench] {at} {name} ...", flush=True)
        try:
            sec = SCENARIOS[name](b)
        except Exception as exc:  # noqa: BLE001 - one scenario failing must not lose the others
            sec = _failed(name, exc)
            failed += 1
        sec.started, sec.seconds, sec.load = at, time.perf_counter() - t, load
        sections.append(sec)
        write()
        print(f"[bench] {name} done in {sec.seconds:,.0f} s; {o.results}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

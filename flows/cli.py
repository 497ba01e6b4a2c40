"""The `presswash` command: run (the main flow), inspect (a document or a rule), report,
and review (apply a reviewer's verdicts to STATE, the reviewed sample's precision).

`run` starts the flow in this process; without PREFECT_API_URL Prefect's embedded
ephemeral server is used, so nobody starts a server by hand. Exit status 0 when the run
completed (whatever was rejected), otherwise 1 with a one-line reason on stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows import prefect_env
from flows.review_cli import review_app

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="presswash: clean, deduplicate and account for scraped news text.")
app.add_typer(review_app, name="review")
err = Console(stderr=True)


class Watch:
    """Feeds the rich progress bar from batch summaries."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("batches", total=None, read=0, kept=0, duplicate=0, rejected=0)
        self.counts = {"read": 0, "kept": 0, "duplicate": 0, "rejected": 0}

    def __call__(self, stage: str, info: dict[str, Any]) -> None:
        if stage == "start":
            self.progress.update(self.task, total=info["batches"])
            return
        if stage == "prepare":
            self.counts["read"] += info.get("stats", {}).get("read", {}).get("in", 0)
        if stage == "write":
            for k in ("kept", "duplicate", "rejected"):
                self.counts[k] += info["counts"][k]
        c = self.counts
        self.progress.update(self.task, advance=1, read=c["read"], kept=c["kept"], duplicate=c["duplicate"],
                             rejected=c["rejected"])


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="files or folders (.txt .html .jsonl[.gz|.zst] .warc[.gz])")],
    out: Annotated[str, typer.Option("--out", help="output folder (replaced atomically)")],
    state: Annotated[str, typer.Option("--state", help="what persists between runs")] = "data/state",
    config: Annotated[str | None, typer.Option("--config", help="TOML file overriding defaults")] = None,
    run_id: Annotated[str | None, typer.Option("--run-id", help="default: OUT's folder name")] = None,
    runner: Annotated[str, typer.Option("--runner", help="local | dask")] = "local",
    dask_address: Annotated[str | None, typer.Option("--dask-address", help="tcp://HOST:PORT")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="documents per batch (0: config)")] = 0,
    workers: Annotated[int, typer.Option("--workers", help="processes (0: one per core)")] = 0,
    state_wait: Annotated[float, typer.Option("--state-wait", help="seconds to wait for a busy STATE")] = 0,
) -> None:
    """Clean and deduplicate INPUTS into OUT (the run contract of shared/eval/README.md)."""
    from cleaners.pipeline.preflight import UsageError, check_run

    try:  # before Prefect is imported or its server started: a mistake costs no wait
        if runner not in ("local", "dask"):
            raise UsageError(f"unknown --runner {runner!r}: local or dask")
        if batch_size < 0 or workers < 0 or state_wait < 0:
            raise UsageError("--batch-size, --workers and --state-wait must not be negative")
        pre = check_run(inputs, out, state, config)
    except UsageError as exc:
        err.print(f"presswash: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    for warning in pre.warnings:
        err.print(f"presswash: warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    prefect_env.apply()
    # the server boots in its own process while this one imports Prefect and the flow
    from flows import tempserver

    server = tempserver.start()
    from flows import executor
    from flows import progress as prog
    from flows.clean import presswash

    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("read {task.fields[read]} · kept {task.fields[kept]} · duplicate "
                          "{task.fields[duplicate]} · rejected {task.fields[rejected]}"), TimeElapsedColumn()]
    try:
        if server is not None and server.adopt():
            server.wait_ready()
        with Progress(*columns, console=err, transient=False) as bar:
            prog.listen(Watch(bar))
            # the flow ends in a Completed state that carries this dict; the call returns the dict
            # (Prefect unwraps a state a flow returns, which its call's type does not say)
            result = cast(dict[str, Any], presswash(
                inputs=inputs, out=out, state=state, config=config, run_id=run_id, runner=runner,
                dask_address=dask_address, batch_size=batch_size, workers=workers, date=None, state_wait=state_wait))
    except Exception as exc:  # noqa: BLE001 - the contract: one line on stderr, non-zero
        err.print(f"presswash: run failed: {type(exc).__name__}: {exc}".splitlines()[0], markup=False,
                  highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    finally:
        prog.listen(None)
        executor.shutdown()  # nothing of the run outlives the command
        # the temporary server stops at exit, after Prefect has sent its last logs and
        # events there (its stop was registered first, so it runs last)
    d = result["documents"]
    table = Table(title=f"presswash run {result['run_id']} → {result['out']}")
    for col in ("in", "kept", "duplicate", "rejected"):
        table.add_column(col, justify="right")
    table.add_row(*(str(d[c]) for c in ("in", "kept", "duplicate", "rejected")))
    Console().print(table)


@app.command()
def inspect(
    doc_id: Annotated[str | None, typer.Argument(help="a document id (omit with --rule)")] = None,
    out: Annotated[str, typer.Option("--out", help="a run's output folder")] = "data/out",
    rule: Annotated[str | None, typer.Option("--rule", help="show what this rule removed most often")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    limit: Annotated[int, typer.Option("--limit", help="rows for --rule")] = 25,
) -> None:
    """What a document became and why each removed span was removed."""
    from flows.inspect_view import show_document, show_rule

    if rule:
        show_rule(Path(out), rule, limit, as_json)
    elif doc_id is not None:
        if not show_document(Path(out), doc_id, as_json):
            err.print(f"presswash: no document {doc_id!r} in {out}/ledger", markup=False)
            raise typer.Exit(1)
    else:
        err.print("presswash: give a document id or --rule NAME")
        raise typer.Exit(2)


@app.command()
def report(
    out: Annotated[str, typer.Argument(help="a run's output folder")],
    config: Annotated[str | None, typer.Option("--config", help="TOML file whose [review] table to use")] = None,
) -> None:
    """Rebuild OUT/report/ from OUT's files (with the run's own [review] settings, or --config's)."""
    import orjson

    from cleaners.config import Config, ConfigError
    from cleaners.report.build import build_report

    path = Path(out)
    stats = path / "stats.json"
    if not stats.exists():
        err.print(f"presswash: {out} is not a finished run (no stats.json)")
        raise typer.Exit(1)
    try:
        cfg = Config.from_toml(config).review if config else None
    except (OSError, ValueError) as exc:  # a ConfigError names the file itself
        where = "" if isinstance(exc, ConfigError) else f"{config}: "
        err.print(f"presswash: {where}{exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    print(build_report(path, orjson.loads(stats.read_bytes()), cfg))



def main() -> None:
    app(prog_name="presswash")


if __name__ == "__main__":
    main()

"""`presswash review`: verdicts from the report into STATE, and how good the sample says
the decisions are. Neither starts Prefect: both are a few file operations on STATE."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

review_app = typer.Typer(add_completion=False, no_args_is_help=True,
                         help="Apply a reviewer's verdicts to STATE; the reviewed sample's precision.")
err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"presswash: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _state(state: str) -> Path:
    path = Path(state)
    if not (path / "manifest.json").exists():
        raise _fail(f"{state} is not a presswash STATE (no manifest.json): give the --state of the reviewed run")
    return path


@review_app.command("apply")
def apply(
    verdicts: Annotated[str, typer.Argument(help="verdicts.json exported from the report")],
    state: Annotated[str, typer.Option("--state", help="the STATE the reviewed run used")] = "data/state",
    state_wait: Annotated[float, typer.Option("--state-wait", help="seconds to wait for a busy STATE")] = 0,
) -> None:
    """Record VERDICTS in STATE, in one atomic commit; later runs honour them."""
    from cleaners.review.records import VerdictError, read_export
    from cleaners.review.store import apply_verdicts
    from cleaners.state import StateBusy, StateStore

    path = _state(state)
    try:
        items = read_export(Path(verdicts).read_bytes())
    except OSError as exc:
        raise _fail(f"cannot read {verdicts}: {exc.strerror or exc}") from None
    except VerdictError as exc:
        raise _fail(f"{verdicts}: {exc}") from None
    known = set(StateStore(path).snapshot().runs)
    for run in sorted({v.run for v in items} - known):
        err.print(f"presswash: warning: run {run!r} is not in {state}: its verdicts still apply to the same texts",
                  markup=False, highlight=False, soft_wrap=True)
    try:
        done = apply_verdicts(path, items, state_wait)
    except StateBusy as exc:
        raise _fail(str(exc)) from None
    kinds = {k: sum(v.kind == k for v in items) for k in ("apart", "keeper", "correct")}
    print(f"applied {len(items)} verdicts to {state} ({kinds['apart']} apart, {kinds['keeper']} keeper, "
          f"{kinds['correct']} correct): {done.added} new, {done.moved} given again; {done.total} in STATE")


@review_app.command("stats")
def stats(state: Annotated[str, typer.Argument(help="a presswash STATE")]) -> None:
    """The verdicts in STATE and the precision of the reviewed random sample (95% interval)."""
    from cleaners.review.book import Book
    from cleaners.review.precision import sample_precision
    from cleaners.review.store import stored
    from cleaners.state import StateStore

    store = StateStore(_state(state))
    verdicts = stored(store, store.snapshot())
    book = Book.of(verdicts)
    print(f"verdicts in STATE: {len(verdicts)} ({sum(v.kind == 'apart' for v in verdicts)} apart, "
          f"{sum(v.kind == 'keeper' for v in verdicts)} keeper, {sum(v.kind == 'correct' for v in verdicts)} correct); "
          f"in force: {len(book.apart)} pairs kept apart, {len(book.chosen)} chosen keepers, "
          f"{len(book.same)} pairs confirmed")
    p = sample_precision(verdicts)
    if not p.members.judged:
        print("reviewed sample: none yet (mark clusters of the report's sample, export, apply)")
        return
    for label, share in (("duplicate decisions", p.members), ("clusters wholly right", p.clusters)):
        lo, hi = share.interval
        print(f"sample precision, {label}: {share.value:.3f} ({share.right} of {share.judged}), "
              f"95% interval {lo:.3f}–{hi:.3f}")
    print(f"from the samples of runs: {', '.join(p.runs)}")

"""prefect.yaml on a real server, deployed as the README's Scheduling section says: from a
folder holding what a fresh clone holds, with no variable but PREFECT_API_URL, then both
deployments run with their default parameters through a process worker started in another
folder (with --run-once, so that it exits once the runs are done). The artifacts and the
count line must be on the deployment's own flow run."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

from prefect.client.orchestration import PrefectClient

from tests.conftest import BIN, ROOT

POOL = "presswash-local"
SET_DIR = "prefect.deployments.steps.set_working_directory"


def prefect(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "prefect"), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def fresh_checkout(dest: Path) -> Path:
    """The files a clone of this working tree would hold (tracked and not ignored): no
    .venv, .prefect, data/ outputs or caches; plus the compiled core, as `make build`
    leaves it in a clone (the pipeline imports it; building it again takes minutes)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    for core in (ROOT / "cleaners").glob("_textcore*.so"):
        shutil.copy2(core, dest / "cleaners" / core.name)
    return dest


async def _read(url: str, ids: list[uuid.UUID]) -> tuple[dict[str, Any], list[Any], dict[uuid.UUID, list[Any]]]:
    async with PrefectClient(api=url) as client:
        deps = {name: await client.read_deployment_by_name(f"presswash/{name}") for name in ("daily", "seeds")}
        runs = [await client.read_flow_run(i) for i in ids]
        arts = await client.read_artifacts()
    return deps, runs, {i: [a for a in arts if a.flow_run_id == i] for i in ids}


def test_readme_deploy_runs_with_artifacts_on_the_deployment_run(tmp_path: Path,
                                                                  prefect_server: dict[str, str]) -> None:
    checkout = fresh_checkout(tmp_path / "presswash").resolve()
    assert not (checkout / "data" / "runs").exists() and (checkout / "prefect.yaml").is_file()
    committed_yaml = (checkout / "prefect.yaml").read_text()
    env = {k: v for k, v in prefect_server.items() if not k.startswith("PRESSWASH_")}
    url = env["PREFECT_API_URL"]

    pool = prefect(["work-pool", "create", POOL, "--type", "process"], env, checkout)
    assert pool.returncode == 0 or "already exists" in pool.stdout, pool.stdout + pool.stderr
    deploy = prefect(["--no-prompt", "deploy", "--all"], env, checkout)
    assert deploy.returncode == 0, deploy.stdout[-3000:] + deploy.stderr[-3000:]
    assert (checkout / "prefect.yaml").read_text() == committed_yaml  # the checkout's path stays out of it

    ids = []
    for name in ("daily", "seeds"):  # each with its default parameters
        run = prefect(["deployment", "run", f"presswash/{name}"], env, checkout)
        assert run.returncode == 0, run.stdout + run.stderr
        ids.append(uuid.UUID(re.search(r"UUID: ([0-9a-f-]{36})", run.stdout).group(1)))  # type: ignore[union-attr]
    elsewhere = tmp_path / "elsewhere"  # the worker finds the checkout through the pull step alone
    elsewhere.mkdir()
    worker = prefect(["worker", "start", "--pool", POOL, "--run-once"], env, elsewhere)
    log = worker.stdout[-4000:] + worker.stderr[-4000:]

    deps, runs, arts = asyncio.run(_read(url, ids))
    daily, seeds = deps["daily"], deps["seeds"]
    assert daily.entrypoint == seeds.entrypoint == "flows/clean.py:presswash"
    assert daily.pull_steps == seeds.pull_steps == [{SET_DIR: {"directory": str(checkout)}}]
    assert [(s.schedule.cron, s.schedule.timezone, s.active) for s in daily.schedules] == \
        [("0 3 * * *", "Europe/London", True)]
    assert daily.parameters["inputs"] == ["data/inbox/{date}"] and daily.parameters["out"] == "data/runs/{date}"
    assert daily.work_pool_name == seeds.work_pool_name == POOL
    assert seeds.schedules == [] and seeds.parameters["inputs"] == ["seeds"]

    assert [r.state.type.value for r in runs] == ["COMPLETED", "COMPLETED"], log
    assert [r.deployment_id for r in runs] == [daily.id, seeds.id]
    assert [r.state.message for r in runs] == ["in 0 = kept 0 + duplicate 0 + rejected 0",  # no scrape that day
                                               "in 5 = kept 5 + duplicate 0 + rejected 0"]
    # `{date}` is the day before each run's scheduled start
    daily_id, seeds_id = (f"{prefix}{(r.expected_start_time - dt.timedelta(days=1)).date().isoformat()}"
                          for prefix, r in (("", runs[0]), ("seeds-", runs[1])))
    assert {p.name for p in (checkout / "data" / "runs").iterdir()} == {daily_id, seeds_id}
    stats = json.loads((checkout / "data" / "runs" / seeds_id / "stats.json").read_text())
    assert stats["documents"] == {"in": 5, "kept": 5, "duplicate": 0, "rejected": 0}

    for run, run_id, counts in ((runs[0], daily_id, "**0** in = 0 kept + 0 duplicate + 0 rejected (ok)"),
                                (runs[1], seeds_id, "**5** in = 5 kept + 0 duplicate + 0 rejected (ok)")):
        found = {a.key: a for a in arts[run.id]}
        assert set(found) == {f"presswash-summary-{run_id}", f"presswash-clusters-{run_id}"}, run.name
        assert found[f"presswash-summary-{run_id}"].type == "markdown"
        assert counts in found[f"presswash-summary-{run_id}"].data
        assert found[f"presswash-clusters-{run_id}"].type == "table"

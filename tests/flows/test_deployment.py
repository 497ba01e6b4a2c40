"""prefect.yaml on a real server: deploy, read the deployments back, run both with their
default parameters through a process worker, and find the outputs and artifacts."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from prefect.client.orchestration import PrefectClient

from tests.conftest import BIN, ROOT


def prefect(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "prefect"), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


async def _deployments(url: str) -> dict[str, Any]:
    async with PrefectClient(api=url) as client:
        return {name: await client.read_deployment_by_name(f"presswash/{name}") for name in ("daily", "seeds")}


async def _wait(url: str, ids: list[Any], timeout: float) -> tuple[list[Any], list[Any]]:
    async with PrefectClient(api=url) as client:
        deadline = time.monotonic() + timeout
        while True:
            runs = [await client.read_flow_run(i) for i in ids]
            if all(r.state and r.state.is_final() for r in runs) or time.monotonic() > deadline:
                children = [r for r in await client.read_flow_runs() if r.parent_task_run_id is not None]
                arts = await client.read_artifacts()
                return runs, [a for a in arts if a.flow_run_id in {c.id for c in children} | set(ids)]
            await asyncio.sleep(1)


def test_deploy_schedule_worker_run(tmp_path: Path, prefect_server: dict[str, str]) -> None:
    proj = tmp_path / "proj"
    for name in ("cleaners", "flows", "seeds"):
        shutil.copytree(ROOT / name, proj / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "prefect.yaml", proj / "prefect.yaml")
    env = prefect_server | {"PRESSWASH_PROJECT": str(proj)}
    url = env["PREFECT_API_URL"]
    prefect(["work-pool", "create", "presswash-local", "--type", "process"], env, proj)
    res = prefect(["--no-prompt", "deploy", "--all"], env, proj)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]

    deps = asyncio.run(_deployments(url))
    daily = deps["daily"]
    assert daily.entrypoint == "flows/clean.py:presswash"
    assert [(s.schedule.cron, s.schedule.timezone, s.active) for s in daily.schedules] == \
        [("0 3 * * *", "Europe/London", True)]
    assert daily.parameters["inputs"] == ["data/inbox/{date}"] and daily.parameters["out"] == "data/runs/{date}"
    assert daily.parameters["state"] == "data/state" and daily.work_pool_name == "presswash-local"
    assert json.dumps(daily.pull_steps).count(str(proj)) == 1  # the worker runs from this checkout
    assert deps["seeds"].schedules == [] and deps["seeds"].parameters["inputs"] == ["seeds"]

    ids = []
    for name in ("daily", "seeds"):  # each with its default parameters
        run = prefect(["deployment", "run", f"presswash/{name}"], env, proj)
        assert run.returncode == 0, run.stderr
        ids.append(next(w for w in run.stdout.split() if w.count("-") == 4 and len(w) == 36))
    worker = subprocess.Popen([str(BIN / "prefect"), "worker", "start", "--pool", "presswash-local", "--run-once"],
                              env=env, cwd=proj, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    try:
        runs, arts = asyncio.run(_wait(url, [__import__("uuid").UUID(i) for i in ids], timeout=300))
    finally:
        if worker.poll() is None:
            worker.kill()
        log = worker.communicate(timeout=30)[0]
        (tmp_path / "worker.log").write_text(log)
    assert [r.state.type.value for r in runs] == ["COMPLETED", "COMPLETED"], log[-3000:]
    outs = sorted((proj / "data" / "runs").iterdir())
    stats = {p.name: json.loads((p / "stats.json").read_text())["documents"] for p in outs}
    empty = [v for k, v in stats.items() if not k.startswith("seeds-")]
    seeds = [v for k, v in stats.items() if k.startswith("seeds-")]
    assert empty == [{"in": 0, "kept": 0, "duplicate": 0, "rejected": 0}]  # no scrape that day: recorded empty
    assert seeds[0]["in"] == 5 and seeds[0]["kept"] == 5
    keys = {a.key for a in arts}
    assert any(k.startswith("presswash-summary-seeds-") for k in keys)
    assert any(k.startswith("presswash-clusters-seeds-") for k in keys)

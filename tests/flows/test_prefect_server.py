"""The flow against a real Prefect server: the flow runs are Completed, the main flow's run
carries the artifacts and ends with the count line."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from prefect.client.orchestration import PrefectClient

from tests.conftest import ROOT, Cli


async def _runs_and_artifacts(url: str) -> tuple[list[Any], list[Any]]:
    async with PrefectClient(api=url) as client:
        return await client.read_flow_runs(), await client.read_artifacts()


def test_flow_run_completes_with_artifacts(tmp_path: Path, cli: Cli, prefect_server: dict[str, str]) -> None:
    out = tmp_path / "out"
    cli(["run", str(ROOT / "seeds"), "--out", str(out), "--state", str(tmp_path / "state"), "--run-id", "e2e-seeds"])
    runs, artifacts = asyncio.run(_runs_and_artifacts(prefect_server["PREFECT_API_URL"]))
    mine = [r for r in runs if r.parameters.get("out") == str(out)]
    assert len(mine) == 2, "the main flow and its presswash-clean subflow are recorded on the server"
    assert all(r.state_type.value == "COMPLETED" for r in mine)
    [main] = [r for r in mine if r.parent_task_run_id is None]
    assert main.state.message == "in 5 = kept 5 + duplicate 0 + rejected 0"
    keys = {a.key: a for a in artifacts if a.flow_run_id == main.id}
    assert set(keys) == {"presswash-summary-e2e-seeds", "presswash-clusters-e2e-seeds"}
    summary = keys["presswash-summary-e2e-seeds"].data
    assert "**5** in = 5 kept + 0 duplicate + 0 rejected (ok)" in summary
    assert f"(file://{out.resolve() / 'report' / 'index.html'})" in summary  # the link to the report
    assert "No doubtful clusters" in summary  # the seeds are five different articles

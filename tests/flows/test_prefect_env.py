"""flows/prefect_env.py is the one home of the Prefect environment defaults: the Makefile
and prefect.yaml may repeat only what it holds, with the same values."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from flows import prefect_env
from tests.conftest import ROOT, base_env


def test_the_makefile_exports_only_prefects_home_and_the_module_agrees() -> None:
    exports = dict(re.findall(r"^export (\w+) :?= ?(.*)$", (ROOT / "Makefile").read_text(), re.M))
    prefect = {k: v for k, v in exports.items() if k.startswith("PREFECT_") or k in prefect_env.DEFAULTS}
    assert prefect == {"PREFECT_HOME": "$(CURDIR)/.prefect"}
    assert prefect_env.HOME == ROOT / ".prefect"


def test_the_deployments_environment_repeats_the_defaults_it_names() -> None:
    pool = yaml.safe_load((ROOT / "prefect.yaml").read_text())["definitions"]["work_pool"]
    env = pool["job_variables"]["env"]
    named = {k: str(v) for k, v in env.items() if k in prefect_env.DEFAULTS}
    assert named, "prefect.yaml names none of the defaults: this test compares nothing"
    assert named == {k: prefect_env.DEFAULTS[k] for k in named}


def test_environment_fills_defaults_and_keeps_what_is_set(tmp_path: Path) -> None:
    env = prefect_env.environment({"PREFECT_SERVER_ANALYTICS_ENABLED": "true", "PATH": "/bin"})
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "true" and env["PATH"] == "/bin"
    assert env["PREFECT_LOGGING_EXTRA_LOGGERS"] == "cleaners" and env["PREFECT_HOME"] == str(prefect_env.HOME)
    test_env = base_env(tmp_path)
    assert test_env["PREFECT_HOME"] == str(tmp_path)
    assert {k: test_env[k] for k in prefect_env.DEFAULTS} == prefect_env.DEFAULTS

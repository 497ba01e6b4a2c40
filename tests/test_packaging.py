"""The installable package holds everything the library reads from its own folders: the
report's script and templates, the compiled core and its type stub. Builds the wheel with
maturin (a release build of the core: minutes), so it runs with `make test-slow`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.mark.slow
def test_the_wheel_holds_the_package_data(tmp_path: Path) -> None:
    subprocess.run([str(BIN / "maturin"), "build", "--release", "--quiet", "--out", str(tmp_path)], cwd=ROOT,
                   check=True, capture_output=True, timeout=1800)
    (wheel,) = tmp_path.glob("presswash-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "cleaners" / "report").iterdir())
            if p.suffix in (".js", ".j2")]
    assert "cleaners/report/report.js" in data
    missing = [n for n in [*data, "cleaners/_textcore.pyi", "cleaners/_textcore.abi3.so"] if n not in names]
    assert not missing, f"not in {wheel.name}: {missing}"
    assert "flows/cli.py" in names and not any(n.startswith("tests/") for n in names)

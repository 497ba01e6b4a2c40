"""The config: a TOML file overrides only what it names, unknown keys are errors, and the
fingerprint follows every setting that changes an output (and no other)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaners.config import Config, ReviewConfig


def load(tmp: Path, text: str) -> Config:
    path = tmp / "c.toml"
    path.write_text(text)
    return Config.from_toml(path)


def test_a_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    cfg = load(tmp_path, '[clean.spam]\nenabled = false\n[dedup]\npreferred_sources = ["a.com"]\n')
    assert cfg.clean.spam.enabled is False and cfg.dedup.preferred_sources == ("a.com",)
    assert dataclasses.replace(cfg.clean, spam=Config().clean.spam) == Config().clean
    assert Config.from_toml(None) == Config()


@pytest.mark.parametrize(("text", "message"), [
    ("[clean.spam]\nenabld = false\n", "clean.spam.enabld"),
    ("[nope]\nx = 1\n", "nope"),
    ("clean = 3\n", "must be a table"),
])
def test_unknown_keys_and_wrong_shapes_are_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load(tmp_path, text)


def test_the_fingerprint_follows_outputs_only(tmp_path: Path) -> None:
    base = Config().fingerprint()
    assert load(tmp_path, "[dedup]\nmin_jaccard = 0.6\n").fingerprint() != base
    assert load(tmp_path, '[run]\ncompression = "gzip"\n').fingerprint() != base
    assert load(tmp_path, "[run]\nbatch_size = 7\nworkers = 3\n").fingerprint() == base
    assert load(tmp_path, "[review]\nqueue_size = 5\n").fingerprint() == base


@pytest.mark.parametrize(("kw", "message"), [
    ({"queue_size": -1}, "queue_size"), ({"page_rows": 0}, "page_rows"),
    ({"cross_run_penalty": 2.0}, "cross_run_penalty"), ({"diff_members": 60, "list_members": 50}, "diff_members"),
])
def test_review_settings_are_checked(kw: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ReviewConfig(**kw)  # type: ignore[arg-type]


def test_lsh_bands_fit_the_signature() -> None:
    bands, rows = Config().dedup.bands
    assert bands * rows <= Config().dedup.num_perm and bands > 1

"""The config says no at load: an unknown key, a value of the wrong type or outside a
field's allowed values fails on one line naming the file, the field and what it allows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaners.config import CleanConfig, Config, ConfigError, RuleSwitches
from cleaners.rules.cleaner import RULES


def load(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "presswash.toml"
    path.write_text(text)
    return Config.from_toml(path)


@pytest.mark.parametrize(("table", "line", "allowed"), [
    ("dedup", 'keeper = "newest"', "'earliest_date', 'longest', 'preferred_source', 'smallest_id'"),
    ("dedup", 'index_backend = "faiss"', "'embedded', 'redis'"),
    ("run", 'compression = "lz4"', "'zstd', 'gzip', 'none'"),
    ("encoding", 'normalization = "nfc"', "'NFC', 'NFD', 'NFKC', 'NFKD'"),
])
def test_a_value_outside_its_choices_fails_at_load_with_the_choices(tmp_path: Path, table: str, line: str,
                                                                    allowed: str) -> None:
    with pytest.raises(ConfigError) as err:
        load(tmp_path, f"[{table}]\n{line}\n")
    message = str(err.value)
    field, value = (s.strip() for s in line.split("="))
    assert message == f"{tmp_path / 'presswash.toml'}: {table}.{field} = {value.replace(chr(34), chr(39))}: " \
                      f"must be one of {allowed}"
    assert "\n" not in message


@pytest.mark.parametrize(("text", "says"), [
    ("[clean.sitelines]\nmin_docs = \"3\"\n", "clean.sitelines.min_docs = '3': must be an integer"),
    ("[clean.sitelines]\nmin_docs = true\n", "clean.sitelines.min_docs = True: must be an integer"),
    ("[clean.rules]\nspam_url = 0\n", "clean.rules.spam_url = 0: must be true or false"),
    ("[dedup]\nthreshold = \"low\"\n", "dedup.threshold = 'low': must be a number"),
    ("[dedup]\npreferred_sources = [\"a.com\", 3]\n", "must be a list of str"),
    ("[dedup]\nredis_url = 6379\n", "dedup.redis_url = 6379: must be a string"),
    ("[clean.spam]\nenabled = false\n", "unknown config key(s) clean.spam.enabled"),
    ("[clean]\nrules = 1\n", "config [clean.rules] must be a table"),
    ("[review]\nqueue_size = -1\n", "review.queue_size must not be negative"),
    ("[dedup\nkeeper = 1\n", "not TOML"),
])
def test_a_wrong_value_names_the_file_and_the_field(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(ConfigError) as err:
        load(tmp_path, text)
    assert str(err.value).startswith(f"{tmp_path / 'presswash.toml'}: ")
    assert says in str(err.value)


def test_allowed_values_load_and_an_integer_is_a_number(tmp_path: Path) -> None:
    cfg = load(tmp_path, '[dedup]\nkeeper = "longest"\nindex_backend = "redis"\nthreshold = 1\n'
                         'preferred_sources = ["a.com"]\n[run]\ncompression = "none"\n')
    assert (cfg.dedup.keeper, cfg.dedup.index_backend, cfg.run.compression) == ("longest", "redis", "none")
    assert cfg.dedup.threshold == 1.0 and isinstance(cfg.dedup.threshold, float)
    assert cfg.dedup.preferred_sources == ("a.com",)
    assert load(tmp_path, "") == Config()


def test_every_rule_has_a_switch_of_its_own_name() -> None:
    assert [f.name for f in dataclasses.fields(RuleSwitches)] == [r.name for r in RULES]
    off = load_switches(spam_url=False, boilerplate=False)
    assert off.enabled() == [r.name for r in RULES if r.name not in ("spam_url", "boilerplate")]


def load_switches(**off: bool) -> RuleSwitches:
    return dataclasses.replace(CleanConfig().rules, **off)


def test_the_fingerprint_follows_a_switch() -> None:
    base = Config()
    off = dataclasses.replace(base, clean=dataclasses.replace(base.clean, rules=load_switches(site_template=False)))
    assert off.fingerprint() != base.fingerprint()

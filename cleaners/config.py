"""The one typed configuration: frozen dataclasses with documented defaults, loadable from TOML.

Every threshold a rule uses lives here, so a run is fully described by its `Config`; the
`fingerprint()` of it goes into cache keys and `stats.json`. A TOML file only overrides
what it names (`[clean.rules] spam_url = false`); unknown keys are an error, not ignored,
so a typo cannot silently leave a default in force, and a value of the wrong type or
outside a field's allowed values (its `Literal`) fails at load with the file, the field
and what it allows, on one line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from cleaners.dedup.keeper import Policy
from cleaners.dedup.params import lsh_bands


@dataclass(frozen=True)
class ReadConfig:
    """Input limits. Over a limit a document is `rejected` (reason `too_large`), never cut:
    a truncated article would enter the corpus looking complete."""

    max_doc_bytes: int = 8_000_000  # raw bytes of one document (HTML page, text file, JSONL line)
    max_text_chars: int = 2_000_000  # characters of extracted/decoded text
    # a compressed input stops being read when it inflates past this many bytes in total
    # (a decompression bomb: what is left of the file is reported as `decompression_bomb`);
    # one record inflating past max_doc_bytes is only that record's `too_large`
    max_decompressed_bytes: int = 20_000_000_000


@dataclass(frozen=True)
class ExtractConfig:
    """trafilatura settings. Comments excluded (the benchmark's own setting); its
    `deduplicate` is off because it keeps a process-global cache (order-dependent output);
    dedup is presswash's job."""

    include_comments: bool = False
    include_tables: bool = True
    favor_precision: bool = False
    favor_recall: bool = False
    timeout_s: float = 30.0  # per page; the sandbox process is killed past it
    min_chars: int = 1  # shorter extracted text is rejected as `extraction_empty`


@dataclass(frozen=True)
class EncodingConfig:
    """ftfy, configured explicitly. Repairs run only on text that a cheap check finds
    suspicious; a test proves the output equals repairing everything on the DEV sets."""

    enabled: bool = True
    only_when_suspicious: bool = True
    unescape_html: bool = True  # "&amp;" and "&#8217;" left in extracted text are damage
    remove_zero_width: bool = True  # U+200B/U+2060/U+FEFF inside words
    remove_soft_hyphens: bool = True  # U+00AD: invisible, breaks words for matching
    normalize_spaces: bool = True  # NBSP and other Unicode spaces -> " "
    uncurl_quotes: bool = False  # typographic quotes are legitimate text
    fix_latin_ligatures: bool = True
    fix_character_width: bool = True
    normalization: Literal["NFC", "NFD", "NFKC", "NFKD"] = "NFC"
    strip_markup: bool = True  # HTML tags in text inputs ("<br />", "<p>") are scraper residue


@dataclass(frozen=True)
class SiteLinesConfig:
    """Per-site repeated lines: a line (or its shape) on `min_docs` distinct documents of a
    site and on at least `min_share` of them is site furniture (rules `site_repeated`
    and `site_template`)."""

    min_docs: int = 3
    min_share: float = 0.2
    # two occurrences are enough in the head or tail zone when the line is short and
    # has no sentence shape (navigation, slogans); a shared body line needs min_docs
    min_docs_edge: int = 2
    max_words_shape: int = 14  # lines longer than this are only matched exactly


@dataclass(frozen=True)
class GenericConfig:
    """Boilerplate by shape and position (calls to action, credits, ad labels: rule
    `boilerplate`)."""

    max_words: int = 16  # a line longer than this is never generic boilerplate on shape alone
    min_score: float = 1.0


@dataclass(frozen=True)
class SpamConfig:
    """Injected spam (rule `spam_glued`)."""

    min_glued_chars: int = 2  # a glued foreign-script run shorter than this is kept


@dataclass(frozen=True)
class RuleSwitches:
    """One switch per cleaning rule, named as the rule (the `rule` of its removals):
    `[clean.rules] spam_url = false` turns off that rule and no other."""

    spam_line: bool = True  # lines mostly spam vocabulary, spam URLs and foreign words
    spam_glued: bool = True  # foreign-script spam glued to a word
    spam_inserted: bool = True  # foreign-script spam inserted mid-sentence
    spam_phrase: bool = True  # gambling phrases chained in a run
    spam_url: bool = True  # spam URLs between sentences
    script_text: bool = True  # JavaScript/CSS left in the text
    inline_cta: bool = True  # calls to action glued to a paragraph
    site_repeated: bool = True  # lines the site's pages repeat
    site_template: bool = True  # template lines of the site whose variable parts change
    duplicate_title: bool = True  # the title again, in the body
    related_links: bool = True  # links to the site's other articles
    boilerplate: bool = True  # generic furniture by shape and position

    def enabled(self) -> list[str]:
        """The names of the rules that are on, in declaration order."""
        return [f.name for f in dataclasses.fields(self) if getattr(self, f.name)]


@dataclass(frozen=True)
class CleanConfig:
    rules: RuleSwitches = field(default_factory=RuleSwitches)
    sitelines: SiteLinesConfig = field(default_factory=SiteLinesConfig)
    generic: GenericConfig = field(default_factory=GenericConfig)
    spam: SpamConfig = field(default_factory=SpamConfig)
    min_words: int = 1  # a document left with fewer words is rejected as `empty_after_cleaning`


@dataclass(frozen=True)
class DedupConfig:
    """Exact + near-duplicate dedup. Defaults tuned on the DEV near-dup set (see README)."""

    exact: bool = True
    near: bool = True
    num_perm: int = 128
    shingle_words: int = 5
    seed: int = 1
    threshold: float = 0.15  # LSH target, low: teasers and cut copies have a low Jaccard; all verified
    fp_weight: float = 0.3  # datasketch optimal_param weights (recall matters more)
    fn_weight: float = 0.7
    min_jaccard: float = 0.55  # verified pair: true Jaccard at least this, or ...
    min_containment: float = 0.8  # ... the smaller document this much inside the larger
    loose_jaccard: float = 0.4  # or, when the names and numbers agree (loose_entities), this ...
    loose_containment: float = 0.65  # ... or this containment
    loose_entities: float = 0.9
    min_shingles: int = 50  # a shorter document (a brief, a teaser) is judged by the rules below
    short_jaccard: float = 0.8  # two short documents of similar size: nearly the same text
    teaser_ratio: float = 3.0  # a short document inside one this many times longer: a teaser ...
    teaser_containment: float = 0.65  # ... when this much of it is in the longer one
    exact_like: float = 0.9  # above this Jaccard a pair is a copy whatever its names say
    min_entity_agreement: float = 0.7  # share of the smaller copy's names/numbers in the other
    template_gap: float = 0.15  # masking names/numbers raises Jaccard this much: a template ...
    template_entities: float = 0.9  # ... unless the names and numbers agree this well
    char_jaccard: float = 0.7  # damaged words: character 5-gram Jaccard at least this, or ...
    char_containment: float = 0.9  # ... the smaller document's 5-grams this much in the other
    fact_substitutions: int = 2  # this many facts in the same slots with other values: another story ...
    frame_masked: float = 0.97  # ... or one, when masked the two are this alike (one frame) ...
    frame_gap: float = 0.04  # ... and masking raises their Jaccard this much (the slots hold other words)
    chain_floor: float = 0.5  # a document joining through a copy keeps this much of the keeper ...
    chain_entities: float = 0.8  # ... and this share of its names and numbers
    keeper: Policy = "earliest_date"  # cleaners.dedup.keeper
    preferred_sources: tuple[str, ...] = ()
    index_backend: Literal["embedded", "redis"] = "embedded"
    redis_url: str = ""  # redis://127.0.0.1:6379/0 with index_backend = "redis"
    redis_namespace: str = "default"  # several corpora can share one Redis

    @property
    def bands(self) -> tuple[int, int]:
        return lsh_bands(self.threshold, self.num_perm, self.fp_weight, self.fn_weight)


@dataclass(frozen=True)
class ReviewConfig:
    """The dedup report (OUT/report/) and its review queue. These settings change only what
    the report shows, never a corpus, ledger or dedup file, so they are left out of the
    config fingerprint: changing them reuses a resumed run's batches."""

    queue_size: int = 200  # the most doubtful clusters, shown with diffs
    sample_size: int = 100  # a uniform random sample of clusters, shown with diffs ...
    seed: int = 1  # ... drawn with this seed (same seed, same run: same sample)
    # a keeper from an earlier run counts this much nearer the threshold (its text is not in
    # this OUT, so nobody saw the pair side by side)
    cross_run_penalty: float = 0.05
    page_clusters: int = 500  # clusters per page of the summary of all clusters, at most ...
    page_rows: int = 1500  # ... and rows (a cluster's line and its listed members): large clusters come first
    detail_clusters: int = 25  # clusters per page of the queue and the sample
    diff_members: int = 20  # members per cluster shown with a diff on those pages
    list_members: int = 50  # members per cluster listed at all on any page
    max_diff_words: int = 1500  # words of each text a diff compares

    def __post_init__(self) -> None:
        for name in ("queue_size", "sample_size", "diff_members", "list_members", "max_diff_words"):
            if getattr(self, name) < 0:
                raise ValueError(f"review.{name} must not be negative")
        for name in ("page_clusters", "page_rows", "detail_clusters"):
            if getattr(self, name) < 1:
                raise ValueError(f"review.{name} must be at least 1")
        if not 0.0 <= self.cross_run_penalty <= 1.0:
            raise ValueError("review.cross_run_penalty must be between 0 and 1")
        if self.diff_members > self.list_members:
            raise ValueError("review.diff_members must not exceed review.list_members")


@dataclass(frozen=True)
class RunConfig:
    batch_size: int = 1000
    workers: int = 0  # 0 = one process per core
    compression: Literal["zstd", "gzip", "none"] = "zstd"  # for corpus/ledger/removals shards


@dataclass(frozen=True)
class Config:
    read: ReadConfig = field(default_factory=ReadConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    encoding: EncodingConfig = field(default_factory=EncodingConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    review: ReviewConfig = field(default_factory=ReviewConfig)
    run: RunConfig = field(default_factory=RunConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def fingerprint(self) -> str:
        """Short stable hash of every setting (batch size and workers excluded: they change
        how work is split, not what any output holds; review settings too: they change
        only the report, which every run builds afresh)."""
        data = self.to_dict()
        data["run"] = {"compression": data["run"]["compression"]}
        del data["review"]
        blob = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    @classmethod
    def from_toml(cls, path: str | Path | None) -> Config:
        """The config `path` describes (defaults for what it leaves out); None: the defaults.
        A bad file raises `ConfigError`, whose message names the file."""
        if path is None:
            return cls()
        with open(path, "rb") as fh:
            try:
                data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{path}: not TOML: {exc}") from exc
        try:
            return _build(cls, data, "")
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None


class ConfigError(ValueError):
    """A config file that names an unknown key, or a value its field does not allow."""


def _allowed(hint: Any) -> str:
    if get_origin(hint) is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(hint))
    if get_origin(hint) is tuple:
        return "a list of " + get_args(hint)[0].__name__
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}[hint]


def _value(hint: Any, value: Any, name: str) -> Any:
    """`value` checked against its field's type (`name` for the message); a TOML integer
    is a float field's number, a TOML list a tuple field's value."""
    if get_origin(hint) is Literal:
        ok = isinstance(value, str) and value in get_args(hint)
    elif get_origin(hint) is tuple:
        ok = isinstance(value, list | tuple) and all(isinstance(v, get_args(hint)[0]) for v in value)
        value = tuple(value) if ok else value
    elif hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, hint)
    if not ok:
        raise ConfigError(f"{name} = {value!r}: must be {_allowed(hint)}")
    return value


def _build(kind: type, data: dict[str, Any], where: str) -> Any:
    hints = get_type_hints(kind)
    names = {f.name for f in dataclasses.fields(kind)}
    unknown = sorted(set(data) - names)
    if unknown:
        known = ", ".join(sorted(names))
        keys = ", ".join(where + k for k in unknown)
        raise ConfigError(f"unknown config key(s) {keys} (known in this table: {known})")
    values: dict[str, Any] = {}
    for f in dataclasses.fields(kind):
        if f.name not in data:
            continue
        value, hint = data[f.name], hints[f.name]
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            if not isinstance(value, dict):
                raise ConfigError(f"config [{where}{f.name}] must be a table")
            values[f.name] = _build(hint, value, f"{where}{f.name}.")
        else:
            values[f.name] = _value(hint, value, where + f.name)
    try:
        return kind(**values)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None

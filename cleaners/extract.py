"""Main-text extraction with trafilatura, isolated in a sandbox process with a time limit.

trafilatura's own timeout exists only in its CLI: `extract()` can run for minutes on a
pathological page or raise `MemoryError` (adbar/trafilatura#704, #657). As datatrove's
`ExtractorSandbox` does, pages go to a long-lived child process over a pipe; past the
time limit the child is killed and restarted and the page is rejected
(`extraction_timeout`), so one page can never hang or sink a run. Where a child cannot be
started (a daemonic Dask worker), extraction runs in-process and says so in the stats.
"""

from __future__ import annotations

import contextlib
import html as htmllib
import logging
import multiprocessing as mp
import re
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from cleaners.config import ExtractConfig

log = logging.getLogger(__name__)
CHILD_MEMORY_BYTES = 6 * 1024**3
META_DATE = re.compile(
    r"""<meta[^>]{0,200}?(?:article:published_time|datePublished|pubdate|publish-date)["'][^>]{0,200}?"""
    r"""content=["']([0-9]{4}-[0-9]{2}-[0-9]{2}[^"']{0,30})["']""",
    re.I,
)
TITLE = re.compile(r"<title[^>]*>(.{1,400}?)</title>", re.I | re.S)
NOSCRIPT = re.compile(r"<noscript[^>]*>(.{0,4000}?)</noscript>", re.I | re.S)
TAG = re.compile(r"<[^>]{0,400}>")
MAX_NOTICE_CHARS = 500  # longer <noscript> text can be a page's real article (server-rendered copy)
OG_TITLE = re.compile(r"""<meta[^>]{0,100}?property=["']og:title["'][^>]{0,40}?content=["']([^"']{1,400})""", re.I)


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    error: str | None = None  # a reject reason code when extraction failed
    detail: str = ""


def page_hints(page: str) -> tuple[str | None, str | None]:
    """(title, date) read cheaply from the page head: trafilatura's metadata pass costs
    a quarter of extraction time, and only these two fields are used downstream."""
    head = page[:100_000]
    m = OG_TITLE.search(head) or TITLE.search(head)
    title = " ".join(htmllib.unescape(m.group(1)).split()) if m else None
    d = META_DATE.search(head)
    return title or None, d.group(1) if d else None


def noscript_notice(text: str, page: str) -> bool:
    """True when all trafilatura found is the page's <noscript> text: on a page of only
    scripts it returns "Please enable JavaScript" (library-traps.md #6), which is no article."""
    words = " ".join(text.split())
    if not words or len(words) > MAX_NOTICE_CHARS:
        return False
    notices = " ".join(" ".join(htmllib.unescape(TAG.sub(" ", m)).split()) for m in NOSCRIPT.findall(page))
    return words in notices


def _extract_in_process(page: str, options: dict[str, Any]) -> Extracted:
    import trafilatura

    try:
        text = trafilatura.extract(page, **options)
    except MemoryError:
        return Extracted("", error="extraction_failed", detail="out of memory")
    except Exception as exc:  # noqa: BLE001 - any parser failure is a reject, not a crash
        return Extracted("", error="extraction_failed", detail=f"{type(exc).__name__}: {exc}"[:200])
    if text and noscript_notice(text, page):
        return Extracted("", error="extraction_empty", detail="only <noscript> text")
    title, date = page_hints(page)
    return Extracted(text or "", title, date)


def _child_main(conn: Connection, options: dict[str, Any]) -> None:
    with contextlib.suppress(Exception):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    import trafilatura  # noqa: F401 - imported once, before the first page arrives

    while True:
        try:
            page = conn.recv()
        except EOFError:
            return
        if page is None:
            return
        res = _extract_in_process(page, options)
        conn.send((res.text, res.title, res.date, res.error, res.detail))


class Extractor:
    """`extract(page) -> Extracted`; one sandbox child per instance, started lazily."""

    def __init__(self, cfg: ExtractConfig, sandbox: bool = True) -> None:
        self.cfg = cfg
        self.options = {
            "include_comments": cfg.include_comments,
            "include_tables": cfg.include_tables,
            "favor_precision": cfg.favor_precision,
            "favor_recall": cfg.favor_recall,
            "deduplicate": False,
            "output_format": "txt",
        }
        self.sandbox = sandbox
        self.proc: Any = None
        self.conn: Connection | None = None

    def _start(self) -> bool:
        try:
            ctx = mp.get_context("forkserver")
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_child_main, args=(child, self.options), daemon=True)
            proc.start()
        except (AssertionError, OSError, ValueError) as exc:  # daemonic parent, no fork server
            log.warning("extraction sandbox unavailable (%s); extracting in-process", exc)
            self.sandbox = False
            return False
        child.close()
        self.proc, self.conn = proc, parent
        return True

    def _stop(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(Exception):
                self.proc.kill()
                self.proc.join(5)
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.close()
        self.proc = self.conn = None

    def extract(self, page: str) -> Extracted:
        if not self.sandbox or (self.proc is None and not self._start()):
            return _extract_in_process(page, self.options)
        assert self.conn is not None
        try:
            self.conn.send(page)
            if not self.conn.poll(self.cfg.timeout_s):
                self._stop()
                return Extracted("", error="extraction_timeout", detail=f"over {self.cfg.timeout_s:g} s")
            text, title, date, error, detail = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._stop()
            return Extracted("", error="extraction_failed", detail=f"extractor process died ({exc})"[:200])
        return Extracted(text, title, date, error, detail)

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.send(None)
        self._stop()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""Drive a running server with a bounded load while the library is rebuilt and swapped.

Used by the short test (tests/ops/test_rebuild_under_load.py), `make bench` (swap_bench) and
the cluster demo. Every response is checked: a 200, and the build its body claims (the page's
`evidex-build` meta tag, the JSON `build` field) equal to its `X-Evidex-Build` header.
"""

from __future__ import annotations

import json
import re
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

META_BUILD = re.compile(rb'<meta name="evidex-build" content="([^"]*)">')
EDIT_MARK = re.compile(r"\n<!-- evidex swap [^>]*-->\n?$")


def body_build_id(content_type: str, body: bytes) -> str | None:
    """The build a response body claims, or None when it names none."""
    if content_type.startswith("text/html"):
        found = META_BUILD.search(body)
        return found.group(1).decode() if found else None
    if content_type.startswith("application/json"):
        data = json.loads(body)
        build = data.get("build") if isinstance(data, dict) else None
        if isinstance(build, dict):
            build = build.get("build_id")
        return None if build is None else str(build)
    return None


def edit_profile(profile: Path, marker: str) -> None:
    """Change one profile's bytes (a trailing comment) so the next build differs."""
    text = EDIT_MARK.sub("", profile.read_text(encoding="utf-8").rstrip("\n"))
    profile.write_text(f"{text}\n<!-- evidex swap {marker} -->\n", encoding="utf-8")


# A response's content against the build its header names: a problem, or None when it agrees.
ContentCheck = Callable[[str, str, bytes], str | None]  # (url, build id, body)


@dataclass
class LoadReport:
    requests: int = 0
    failed: int = 0
    mixed: int = 0  # the body claims another build than the header, or shows another's content
    unlabelled: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    swap_visible_s: list[float] = field(default_factory=list)
    builds_seen: set[str] = field(default_factory=set)
    samples: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        ordered = sorted(self.latencies_ms) or [0.0]
        return {
            "requests": self.requests,
            "failed": self.failed,
            "mixed_builds": self.mixed,
            "unlabelled": self.unlabelled,
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0,
            "p50_ms": round(statistics.median(ordered), 2),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 2),
            "swaps": len(self.swap_visible_s),
            "swap_visible_max_s": round(max(self.swap_visible_s, default=0.0), 3),
            "builds_seen": len(self.builds_seen),
            "failure_samples": self.samples[:5],
        }


class _Recorder:
    def __init__(self, check: ContentCheck | None = None) -> None:
        self.report = LoadReport()
        self.lock = threading.Lock()
        self.check = check

    def record(self, response: httpx.Response | None, error: str | None, ms: float) -> None:
        with self.lock:
            report = self.report
            report.requests += 1
            report.latencies_ms.append(ms)
            if response is None or response.status_code != 200:
                report.failed += 1
                status = response.status_code if response is not None else error
                if len(report.samples) < 20:
                    report.samples.append(f"{status}")
                return
            header = response.headers.get("x-evidex-build", "")
            report.builds_seen.add(header)
            claimed = body_build_id(response.headers.get("content-type", ""), response.content)
            if claimed is None:
                report.unlabelled += 1
            elif claimed != header:
                report.mixed += 1
                if len(report.samples) < 20:
                    report.samples.append(f"mixed: header {header} body {claimed}")
                return
            problem = self.check and self.check(response.url.path, header, response.content)
            if problem:
                report.mixed += 1
                if len(report.samples) < 20:
                    report.samples.append(f"mixed: {response.url.path} {problem}")


def _worker(
    base: str,
    urls: list[str],
    stop: threading.Event,
    recorder: _Recorder,
    offset: int,
    unique: bool = False,
) -> None:
    with httpx.Client(base_url=base, timeout=10.0) as client:
        index = offset
        while not stop.is_set():
            url = urls[index % len(urls)]
            if unique:  # a URL never asked before: answered by the handler, not a memo
                url += f"{'&' if '?' in url else '?'}load={offset}-{index}"
            index += 1
            started = time.perf_counter()
            try:
                response: httpx.Response | None = client.get(url)
                error = None
            except httpx.HTTPError as exc:
                response, error = None, type(exc).__name__
            recorder.record(response, error, (time.perf_counter() - started) * 1000)


def served_build(base: str) -> str:
    return str(httpx.get(f"{base}/healthz", timeout=5.0).json()["build"])


def wait_for_build(bases: list[str], build_id: str, timeout: float = 10.0) -> float:
    """Seconds from now until a /healthz poll *sent* then is answered with `build_id` by every
    server (polled every 20 ms). Counting from the send, not the answer, keeps queueing behind
    the load out of the figure: a request sent at that moment already got the new build."""
    started = time.perf_counter()
    pending = list(bases)
    visible = 0.0
    while pending:
        sent = time.perf_counter()
        still = [b for b in pending if served_build(b) != build_id]
        if len(still) < len(pending):
            visible = sent - started
        pending = still
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{pending} still not serving {build_id} after {timeout}s")
        if pending:
            time.sleep(0.02)
    return visible


def run_load_with_swaps(
    base: str,
    urls: list[str],
    rebuild: Callable[[int], str],
    *,
    connections: int,
    seconds: float,
    swaps: int,
    health_bases: list[str] | None = None,
    check: ContentCheck | None = None,
    unique: bool = False,
) -> LoadReport:
    """`connections` clients fetch `urls` for `seconds`; `rebuild(n)` runs `swaps` times,
    evenly spaced, returning the new build id once it is in place (renamed or written in
    place). `check` compares each response's content with the build its header names;
    `unique` gives every request a query of its own, so that none is answered from a memo."""
    recorder = _Recorder(check)
    stop = threading.Event()
    workers = [
        threading.Thread(target=_worker, args=(base, urls, stop, recorder, n, unique), daemon=True)
        for n in range(connections)
    ]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    gap = seconds / (swaps + 1)
    for number in range(swaps):
        next_at = started + gap * (number + 1)
        time.sleep(max(0.0, next_at - time.perf_counter()))
        new_build = rebuild(number)
        visible = wait_for_build(health_bases or [base], new_build)
        recorder.report.swap_visible_s.append(visible)
    time.sleep(max(0.0, started + seconds - time.perf_counter()))
    stop.set()
    for worker in workers:
        worker.join(timeout=15)
    recorder.report.seconds = time.perf_counter() - started
    return recorder.report


def pick_urls(base: str, count: int = 3) -> list[str]:
    """A mix of pages and JSON over the first compounds of the served library."""
    listing = httpx.get(f"{base}/api/v1/compounds", params={"limit": count}, timeout=10).json()
    urls = ["/api/v1/meta", "/api/v1/compounds?limit=20", "/goals"]
    for item in listing["items"]:
        slug = item["slug"]
        urls += [f"/compounds/{slug}", f"/api/v1/compounds/{slug}", f"/compounds/{slug}/evidence"]
    return urls

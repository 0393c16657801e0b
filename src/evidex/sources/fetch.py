"""Getting source files from the public services, politely, into a local cache.

Each service has its base URL (a setting), a request rate it is not asked faster than, retries
with backoff on 429 and 5xx (a Retry-After is honoured), and a timeout. A file already in the
cache is not fetched again unless asked. Imports then read the cached file like any other.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import httpx

from evidex.sources.reader import MAX_SOURCE_BYTES, SourceError

Service = Literal["pubmed", "trial", "label"]
_IDS: dict[Service, re.Pattern[str]] = {
    "pubmed": re.compile(r"^\d{1,9}$"),
    "trial": re.compile(r"^NCT\d{8}$"),
    "label": re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
}
_ID_NAMES = {"pubmed": "a PMID", "trial": "an NCT id (NCT + 8 digits)", "label": "an SPL set id"}
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_PUBMED_BATCH = 200  # ids per efetch request
_MAX_RETRY_AFTER = 60.0


@dataclass
class FetchSettings:
    pubmed_url: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    ncbi_api_key: str = ""
    trial_url: str = "https://clinicaltrials.gov/api/v2"
    label_url: str = "https://api.fda.gov/drug/label.json"
    dailymed_url: str = "https://dailymed.nlm.nih.gov/dailymed/services/v2"
    label_service: str = "openfda"  # or "dailymed": the SPL XML itself
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    # requests per second: NCBI allows 3 (10 with an API key); the others are kinder to less
    rates: dict[str, float] = field(
        default_factory=lambda: {"pubmed": 3.0, "trial": 2.0, "label": 4.0}
    )
    user_agent: str = "evidex-import/1 (+https://evidex.example.com)"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> FetchSettings:
        env = dict(os.environ) if env is None else env
        settings = cls(
            pubmed_url=env.get("EVIDEX_PUBMED_URL", cls.pubmed_url),
            ncbi_api_key=env.get("EVIDEX_NCBI_API_KEY", ""),
            trial_url=env.get("EVIDEX_TRIAL_URL", cls.trial_url),
            label_url=env.get("EVIDEX_LABEL_URL", cls.label_url),
            dailymed_url=env.get("EVIDEX_DAILYMED_URL", cls.dailymed_url),
            label_service=env.get("EVIDEX_LABEL_SERVICE", cls.label_service),
            timeout=float(env.get("EVIDEX_FETCH_TIMEOUT", cls.timeout)),
            retries=int(env.get("EVIDEX_FETCH_RETRIES", cls.retries)),
            backoff=float(env.get("EVIDEX_FETCH_BACKOFF", cls.backoff)),
        )
        if settings.label_service not in ("openfda", "dailymed"):
            raise SourceError("EVIDEX_LABEL_SERVICE", "must be 'openfda' or 'dailymed'")
        if settings.ncbi_api_key:
            settings.rates["pubmed"] = 10.0
        for service in ("pubmed", "trial", "label"):
            if f"EVIDEX_{service.upper()}_RATE" in env:
                settings.rates[service] = float(env[f"EVIDEX_{service.upper()}_RATE"])
        return settings


class Fetcher:
    """One polite HTTP client for the three services, with the cache folder `cache`."""

    def __init__(
        self,
        settings: FetchSettings,
        cache: Path,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.client = client or httpx.Client(
            timeout=settings.timeout, headers={"User-Agent": settings.user_agent}
        )
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self.requests = 0  # sent, retries included

    def close(self) -> None:
        self.client.close()

    def fetch(self, service: Service, ids: Iterable[str], refresh: bool = False) -> list[Path]:
        """Cached files holding the records of `ids` (one file per id, or per PubMed batch)."""
        wanted = [item.strip() for item in ids]
        for item in wanted:
            if not _IDS[service].match(item):
                raise SourceError(item, f"not {_ID_NAMES[service]}")
        if service == "pubmed":
            return [
                self._get(service, self._pubmed_url(batch), ",".join(batch), ".xml", refresh)
                for batch in _batches(wanted, _PUBMED_BATCH)
            ]
        if service == "trial":
            base = self.settings.trial_url.rstrip("/")
            return [self._get(service, f"{base}/studies/{i}", i, ".json", refresh) for i in wanted]
        if self.settings.label_service == "dailymed":
            base = self.settings.dailymed_url.rstrip("/")
            return [self._get(service, f"{base}/spls/{i}.xml", i, ".xml", refresh) for i in wanted]
        return [
            self._get(
                service, f'{self.settings.label_url}?search=set_id:"{i}"', i, ".json", refresh
            )
            for i in wanted
        ]

    def _pubmed_url(self, ids: list[str]) -> str:
        url = f"{self.settings.pubmed_url.rstrip('/')}/efetch.fcgi?db=pubmed&retmode=xml"
        return f"{url}&id={','.join(ids)}"

    def _get(self, service: Service, url: str, name: str, suffix: str, refresh: bool) -> Path:
        digest = hashlib.sha256(url.encode()).hexdigest()[:12]
        shown = name if len(name) <= 40 else f"{name[:30]}-{len(name.split(','))}"
        path = self.cache / service / f"{shown.replace(',', '_')}-{digest}{suffix}"
        if path.exists() and not refresh:
            return path
        data = self._request(service, url)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)  # a failed fetch never leaves a half file in the cache
        return path

    def _wait_turn(self, service: str) -> None:
        interval = 1.0 / self.settings.rates.get(service, 1.0)
        since = time.monotonic() - self._last.get(service, float("-inf"))
        if since < interval:
            self.sleep(interval - since)
        self._last[service] = time.monotonic()

    def _request(self, service: Service, url: str) -> bytes:
        shown = url  # messages never carry the API key
        if service == "pubmed" and self.settings.ncbi_api_key:  # never part of the cache key
            url = f"{url}&api_key={quote(self.settings.ncbi_api_key)}"
        delay = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            self._wait_turn(service)
            self.requests += 1
            try:
                with self.client.stream("GET", url) as response:
                    if response.status_code in _RETRY_STATUSES and attempt < self.settings.retries:
                        wait = _retry_after(response.headers.get("Retry-After"), delay)
                        self.sleep(wait)
                        delay *= 2
                        continue
                    if response.status_code != 200:
                        raise SourceError(shown, f"HTTP {response.status_code} from {service}")
                    return _bounded_body(response, shown)
            except httpx.TransportError as exc:
                if attempt >= self.settings.retries:
                    raise SourceError(shown, f"{service} unreachable: {exc}") from None
                self.sleep(delay)
                delay *= 2
        raise SourceError(shown, f"{service} gave no answer after {self.settings.retries} retries")


def _bounded_body(response: httpx.Response, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_SOURCE_BYTES:
            raise SourceError(url, f"response over the {MAX_SOURCE_BYTES:,}-byte import limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(header: str | None, default: float) -> float:
    try:
        return min(max(float(header), 0.0), _MAX_RETRY_AFTER) if header else default
    except ValueError:
        return default


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]

"""A real HTTP server on 127.0.0.1 answering like the public services, from files on disk:
E-utilities efetch (PubMed XML), ClinicalTrials.gov API v2, the openFDA label service and
DailyMed's SPL service."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

_ARTICLE = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.DOTALL)
_PMID = re.compile(rb"<PMID[^>]*>(\d+)</PMID>")
_SET_ID = re.compile(r'set_id:"?([0-9a-f-]+)"?')
_SPL_SET_ID = re.compile(rb'<setId root="([0-9a-f-]+)"')
STALL = 0  # a "status" in `failures` meaning: answer nothing for STALL_SECONDS
STALL_SECONDS = 1.0


class SourceFiles:
    """What the server knows: PubMed articles by PMID, studies by NCT id, labels by set id."""

    def __init__(self, folders: list[Path]) -> None:
        self.articles: dict[str, bytes] = {}
        self.studies: dict[str, bytes] = {}
        self.labels: dict[str, bytes] = {}
        self.spls: dict[str, bytes] = {}  # DailyMed: the SPL XML by set id
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                data = path.read_bytes() if path.is_file() else b""
                set_id = _SPL_SET_ID.search(data) if b"urn:hl7-org:v3" in data[:2000] else None
                if set_id:
                    self.spls.setdefault(set_id.group(1).decode(), data)  # first file wins
                elif b"<PubmedArticle>" in data:
                    for article in _ARTICLE.findall(data):
                        pmid = _PMID.search(article)
                        if pmid:
                            self.articles[pmid.group(1).decode()] = article
                elif path.suffix == ".json" and data:
                    self._add_json(json.loads(data), data)

    def _add_json(self, document: object, data: bytes) -> None:
        if isinstance(document, dict) and "protocolSection" in document:
            nct = document["protocolSection"]["identificationModule"].get("nctId")
            if nct:
                self.studies[nct] = data
        records = document.get("results") if isinstance(document, dict) else document
        for record in records if isinstance(records, list) else []:
            if isinstance(record, dict) and "set_id" in record:
                body = {"meta": {"results": {"total": 1}}, "results": [record]}
                self.labels[record["set_id"]] = json.dumps(body).encode()


@contextmanager
def serve(
    files: SourceFiles, failures: dict[str, list[int]] | None = None
) -> Iterator[tuple[str, Counter[str], list[dict[str, list[str]]]]]:
    """Serve `files`; `failures` maps a path prefix to statuses answered before succeeding
    (STALL: no answer within the client's timeout).
    Yields the base URL, hits per path and every request's query."""
    hits: Counter[str] = Counter()
    queries: list[dict[str, list[str]]] = []
    pending = {prefix: list(statuses) for prefix, statuses in (failures or {}).items()}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if status == 429:
                self.send_header("Retry-After", "0")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            hits[url.path] += 1
            queries.append(query)
            for prefix, statuses in pending.items():
                if url.path.startswith(prefix) and statuses:
                    status = statuses.pop(0)
                    if status == STALL:
                        time.sleep(STALL_SECONDS)  # longer than the client's timeout
                    self._send(status if status != STALL else 503, b"busy")
                    return
            if url.path.endswith("/efetch.fcgi"):
                ids = query.get("id", [""])[0].split(",")
                found = [files.articles[i] for i in ids if i in files.articles]
                body = b"<?xml version='1.0'?>\n<PubmedArticleSet>" + b"".join(found)
                self._send(200, body + b"</PubmedArticleSet>", "text/xml")
            elif url.path.startswith("/api/v2/studies/"):
                study = files.studies.get(url.path.rsplit("/", 1)[-1])
                self._send(200, study) if study else self._send(404, b'{"error": "not found"}')
            elif url.path.startswith("/dailymed/services/v2/spls/"):
                spl = files.spls.get(url.path.rsplit("/", 1)[-1].removesuffix(".xml"))
                self._send(200, spl, "text/xml") if spl else self._send(404, b"no such SPL")
            elif url.path == "/drug/label.json":
                match = _SET_ID.search(query.get("search", [""])[0])
                label = files.labels.get(match.group(1)) if match else None
                self._send(200, label) if label else self._send(404, b'{"error": "no match"}')
            else:
                self._send(404, b"unknown")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits, queries
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

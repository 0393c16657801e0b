"""The FastAPI application: pages, JSON API, static assets, feeds, and the middleware stack."""

from __future__ import annotations

import gc
import importlib
import logging
import os
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from starlette.middleware.gzip import GZipMiddleware

from evidex.ops import install_ops
from evidex.search.engine import engine_for
from evidex.storage.db import Database
from evidex.web import api, pages
from evidex.web.caching import CachingMiddleware
from evidex.web.deps import compound_redirect
from evidex.web.errors import install_error_handlers
from evidex.web.head import HeadAsGetMiddleware
from evidex.web.memo import ResponseMemoMiddleware
from evidex.web.openapi import install_openapi
from evidex.web.prerender import site_key
from evidex.web.security import HostGuardMiddleware, SecurityHeadersMiddleware
from evidex.web.stored import StoredPages
from evidex.web.templating import STATIC_DIR, Site, make_environment

log = logging.getLogger(__name__)

# Routers other areas write; each module exposes `router`. Included before our pages so a
# more specific route of theirs (e.g. /compounds/{slug}/vendors) wins.
BASE_URL_ENV = "EVIDEX_BASE_URL"  # the site's public URL: canonical links, sitemap, feeds
ALLOWED_HOSTS_ENV = "EVIDEX_ALLOWED_HOSTS"  # more Host names to answer, beside the base URL's
NO_TELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}
OPTIONAL_ROUTERS = ("evidex.web.stack_views", "evidex.web.vendor_views", "evidex.web.search_views")


def _optional_router_modules() -> list[ModuleType]:
    modules = []
    for name in OPTIONAL_ROUTERS:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise  # the module exists but is broken: fail loudly
            log.debug("optional router %s not present", name)
    return modules


def create_app(db_path: Path, site: Site | None = None) -> FastAPI:
    """The whole site over the build at `db_path` (re-read when a new build is swapped in)."""
    site = site or Site(base_url=os.environ.get(BASE_URL_ENV, "").strip().rstrip("/"))
    db = Database(Path(db_path))
    app = FastAPI(
        title="Evidex API",
        version="1",
        description="Evidence-graded reference for peptides, drugs and supplements.",
        docs_url=None,
        redoc_url=None,
        # evidex.ops observes every request (metrics, access log); FastAPI's OpenTelemetry
        # hooks would look up the global providers on each one, which costs as much as
        # answering a kept page.
        telemetry=NO_TELEMETRY,
    )
    app.state.db = db
    app.state.site = site
    app.state.templates = make_environment(site)

    install_error_handlers(app)
    routers = [module.router for module in _optional_router_modules()]
    routers += [api.router, pages.router]
    for router in routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_openapi(app)

    def build_info() -> tuple[str, str | None]:
        generation = db.current()
        return generation.build_id, generation.meta.get("built_at")

    app.add_middleware(CachingMiddleware, build_info=build_info)
    app.add_middleware(GZipMiddleware, minimum_size=800)
    app.add_middleware(HeadAsGetMiddleware)
    install_ops(app, db)  # health, metrics, build identity, limits, access log (evidex.ops)
    # Outside those, so refusals (400, 413, 414, 429) and errors carry them too.
    hosts = allowed_hosts(site)
    # Pages whose handlers read no query parameter: a stored one answers any query string.
    query_free = [
        route.path
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute) and not _declares_query(route.dependant)
    ]
    app.add_middleware(HostGuardMiddleware, allowed_hosts=hosts)
    app.add_middleware(SecurityHeadersMiddleware)
    # Outermost: a kept or stored response is sent before any other layer runs; the memo
    # counts, limits and guards it as those layers would (evidex.web.memo).
    app.add_middleware(
        ResponseMemoMiddleware,
        build_id=lambda: db.current().build_id,
        stored=None
        if site.static_export
        else StoredPages(db, site_key(site.base_url, site.base_path, site.live_reload), query_free),
        observer=app.state.observer,
        limiter=app.state.limiter,
        allowed_hosts=hosts,
        redirect=lambda path: compound_redirect(db, site, path),
    )
    return app


def _declares_query(dependant: Dependant) -> bool:
    return bool(dependant.query_params) or any(map(_declares_query, dependant.dependencies))


def ready_for_traffic(app: FastAPI) -> FastAPI:
    """What a server worker does once before its first request: build the served build's
    search engine (about a second at 10,000 compounds, which the first search would otherwise
    wait for), then move everything made so far out of the garbage collector's reach, so its
    full collections (several hundred ms over the engine's tables) stop pausing requests."""
    generation = app.state.db.current()
    engine_for(generation.connection(), generation.build_id)
    gc.collect()
    gc.freeze()
    return app


def allowed_hosts(site: Site) -> list[str]:
    """The hosts the live site answers for: its base URL's and EVIDEX_ALLOWED_HOSTS; none
    (any Host) when no base URL is set, as nothing sent then names the Host anyway."""
    if not site.base_url or site.static_export:
        return []
    extra = os.environ.get(ALLOWED_HOSTS_ENV, "").replace(";", ",").split(",")
    return [urlsplit(site.base_url).netloc, *(host.strip() for host in extra if host.strip())]

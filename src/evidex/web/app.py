"""The FastAPI application: pages, JSON API, static assets, feeds, and the middleware stack."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from types import ModuleType

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from evidex.ops import install_ops
from evidex.storage.db import Database
from evidex.web import api, pages
from evidex.web.caching import CachingMiddleware
from evidex.web.errors import install_error_handlers
from evidex.web.head import HeadAsGetMiddleware
from evidex.web.memo import ResponseMemoMiddleware
from evidex.web.security import SecurityHeadersMiddleware
from evidex.web.templating import STATIC_DIR, PageCache, Site, make_environment

log = logging.getLogger(__name__)

# Routers other areas write; each module exposes `router`. Included before our pages so a
# more specific route of theirs (e.g. /compounds/{slug}/vendors) wins.
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
    site = site or Site()
    db = Database(Path(db_path))
    app = FastAPI(
        title="Evidex API",
        version="1",
        description="Evidence-graded reference for peptides, drugs and supplements.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.site = site
    app.state.templates = make_environment(site)
    app.state.page_cache = PageCache()

    install_error_handlers(app)
    for module in _optional_router_modules():
        app.include_router(module.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def build_info() -> tuple[str, str | None]:
        generation = db.current()
        return generation.build_id, generation.meta.get("built_at")

    app.add_middleware(CachingMiddleware, build_info=build_info)
    app.add_middleware(GZipMiddleware, minimum_size=800)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(ResponseMemoMiddleware, build_id=lambda: db.current().build_id)
    install_ops(app, db)  # health, metrics, build identity, limits, access log (evidex.ops)
    return app

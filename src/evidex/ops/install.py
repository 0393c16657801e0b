"""Wire the ops layer into the web app with one call: `install_ops(app, db)`."""

from __future__ import annotations

from fastapi import FastAPI

from evidex.ops import health, metrics
from evidex.ops.identity import BuildIdentityMiddleware, served_build_id
from evidex.ops.metrics import Metrics
from evidex.ops.observe import ObserveMiddleware, Observer
from evidex.ops.ratelimit import AbuseLimitMiddleware, Limits, RequestLimiter
from evidex.storage.db import Database


def install_ops(app: FastAPI, db: Database, limits: Limits | None = None) -> None:
    """Add /healthz, /metrics, build identity, abuse limits and the JSON access log.

    Call after the app's own middleware: these wrap it, so the build is pinned for the whole
    request and the log and metrics see every response, refused ones included.
    """
    app.state.metrics = Metrics(db)
    # Shared with the response memo, which answers before these layers (evidex.web.memo).
    app.state.observer = Observer(app.state.metrics)
    app.state.limiter = RequestLimiter(limits)
    app.include_router(health.router)
    app.include_router(metrics.router)
    templates = getattr(app.state, "templates", None)
    if templates is not None:
        templates.globals["evidex_build"] = lambda: served_build_id(db)
    # add_middleware wraps outermost last: limits, then identity (so refusals carry the
    # build too), and metrics with the access log outside everything.
    app.add_middleware(AbuseLimitMiddleware, limiter=app.state.limiter)
    app.add_middleware(BuildIdentityMiddleware, db=db)
    app.add_middleware(ObserveMiddleware, observer=app.state.observer)

"""Read-only access to the build artifact, picking up a new build without a restart.

A full build writes a new SQLite file and renames it over the old one. We notice the swap by
the file's identity (inode), open and verify the new file, and only then switch. Requests hold
the generation they started with, so an in-flight request never sees the swap: the ops
middleware pins one generation per request (`Database.pinned()`), and a retired generation is
closed only once no request holds it.

An incremental build rewrites some rows of the same file in one transaction (rollback journal).
So each request also reads inside one read transaction (`pinned()` opens it on a connection of
its own, taken from the generation's pool): it sees the file before that commit or after it,
never a part, and the commit waits until it is done. The build id read at the start of that
transaction tells the request which build it reads; a new one makes a successor generation of
the same file (its meta re-read, no integrity check: SQLite wrote it transactionally).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path

log = logging.getLogger(__name__)

CHECK_INTERVAL_SECONDS = 0.1  # a stat of the file: how soon a new build is noticed
# A new build up to this size is checked in the request that notices it (tens of ms); a
# bigger one on a thread of its own, so no request waits for it.
SYNC_CHECK_BYTES = 64 * 1024 * 1024
REQUIRED_META_KEYS = ("build_id", "schema_version")


class DatabaseUnavailable(RuntimeError):
    """No usable build artifact could be opened."""


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """Every meta key/value; raises sqlite3.DatabaseError when the file is not a build."""
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}


_BUILD_ID_SQL = "SELECT value FROM meta WHERE key = 'build_id'"


class _Pool:
    """Connections to one build file, each lent to one request at a time for its read
    transaction; shared by the generations of that file (one per build written into it)."""

    def __init__(self, path: Path, inode: int | None) -> None:
        self.path = path
        self.inode = inode
        self.free: list[sqlite3.Connection] = []
        self.lock = threading.Lock()
        self.owners = 1
        self.closed = False

    def take(self) -> sqlite3.Connection | None:
        """A connection to this file; None when the path now names another file."""
        with self.lock:
            if self.free:
                return self.free.pop()
        try:
            conn = _connect(self.path)
        except sqlite3.Error:  # deleted: the generation's own connections still read it
            return None
        if _inode(self.path) != self.inode:
            conn.close()
            return None
        return conn

    def give_back(self, conn: sqlite3.Connection) -> None:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.rollback()  # a read transaction: nothing to keep
            with self.lock:
                if not self.closed:
                    self.free.append(conn)
                    return
            conn.close()

    def release(self) -> None:
        """One generation less uses the pool; the last closes its connections."""
        with self.lock:
            self.owners -= 1
            if self.owners > 0:
                return
            self.closed = True
            free, self.free = self.free, []
        for conn in free:
            conn.close()


def _inode(path: Path) -> int | None:
    identity = _file_identity(path)
    return None if identity is None else identity[0]


class BuildChanged(Exception):
    """The file was rewritten in place (an incremental build) after this request was pinned and
    before its first query: it is run again on the new build (see evidex.ops.identity)."""


@dataclass
class Snapshot:
    """A request's read transaction, begun at its first query (a request answered from a memo
    makes none): the connection every query of the request uses."""

    database: Database
    generation: Generation
    conn: sqlite3.Connection | None = None
    open: bool = True

    def connection(self) -> sqlite3.Connection | None:
        """The transaction's connection; None when the path names another file by now (the
        caller reads through the generation's own connections). Raises BuildChanged when the
        file holds a newer build than the one this request is pinned to."""
        if self.conn is not None:
            return self.conn
        pool = self.generation.pool
        assert pool is not None
        conn = pool.take()
        if conn is None:
            return None
        try:
            conn.execute("BEGIN")
            row = conn.execute(_BUILD_ID_SQL).fetchone()
            if row is None or str(row[0]) != self.generation.build_id:
                self.database.advance(self.generation, conn)
                raise BuildChanged(self.generation.build_id)
        except BaseException:
            pool.give_back(conn)
            raise
        self.conn = conn
        return conn

    def end(self) -> None:
        if self.open:
            self.open = False
            if self.conn is not None:
                assert self.generation.pool is not None
                self.generation.pool.give_back(self.conn)


_snapshot: ContextVar[Snapshot | None] = ContextVar("snapshot", default=None)


@dataclass
class Generation:
    """One build of one file: a connection per thread (for callers outside a request), and the
    pool of the file, whose connections requests read through in a transaction each."""

    path: Path
    identity: tuple[int, int] | None
    meta: dict[str, str]
    first: sqlite3.Connection
    _local: threading.local = field(default_factory=threading.local)
    _all: list[sqlite3.Connection] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    users: int = 0
    closed: bool = False
    pool: _Pool | None = None

    def __post_init__(self) -> None:
        if self.pool is None:
            self.pool = _Pool(self.path, None if self.identity is None else self.identity[0])

    @property
    def build_id(self) -> str:
        return self.meta.get("build_id", "")

    def connection(self) -> sqlite3.Connection:
        """The request's read transaction when there is one on this file, else this thread's
        connection (each statement its own read)."""
        snapshot = _snapshot.get()
        if snapshot is not None and snapshot.open and snapshot.generation is self:
            read = snapshot.connection()
            if read is not None:
                return read
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                # The connection used for verification is handed to the first thread.
                conn = self._open_sibling() if self._all else self.first
                self._all.append(conn)
            self._local.conn = conn
        return conn

    def _open_sibling(self) -> sqlite3.Connection:
        # The path may already point at a newer file; siblings must read the same build, so
        # reopen only if the identity is unchanged, otherwise share the first connection
        # (sqlite3 connections tolerate cross-thread use with check_same_thread=False when
        # access is serialised by SQLite's own mutex).
        if _file_identity(self.path) == self.identity:
            return _connect(self.path)
        return self.first

    def successor(self, conn: sqlite3.Connection) -> Generation:
        """This file as an incremental build left it: `conn` reads it in a transaction."""
        fresh = _connect(self.path)
        assert self.pool is not None
        with self.pool.lock:
            self.pool.owners += 1
        return replace(
            self,
            meta=read_meta(conn),
            first=fresh,
            _local=threading.local(),
            _all=[],
            _lock=threading.Lock(),
            users=0,
            closed=False,
        )

    def close(self) -> None:
        with self._lock:
            if self.closed:
                return
            self.closed = True
            for conn in {id(c): c for c in [self.first, *self._all]}.values():
                conn.close()
            self._all.clear()
        if self.pool is not None:
            self.pool.release()


def _truncation_problem(conn: sqlite3.Connection, path: Path) -> str | None:
    # A truncated file can still answer the meta query from its first pages; its size must
    # cover every page the header promises (a full integrity check is `evidex doctor`'s job).
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    size = os.stat(path).st_size
    if size < page_size * page_count:
        return f"truncated: {size} bytes on disk, header promises {page_size * page_count}"
    return None


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """What `PRAGMA integrity_check` finds wrong (its first lines), None when the file is
    sound. The server runs it before switching to a new build, `evidex doctor` on demand: a
    file with an intact header and meta but corrupt pages would otherwise be served."""
    try:
        found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return f"integrity check failed: {exc}"
    return None if found == ["ok"] else "; ".join(found[:5])


def verified_generation(path: Path) -> Generation:
    """`open_generation` plus the integrity check: what a server may switch to."""
    generation = open_generation(path)
    problem = integrity_problem(generation.first)
    if problem:
        generation.close()
        raise DatabaseUnavailable(f"{path}: {problem}")
    return generation


def open_generation(path: Path) -> Generation:
    """Open and verify a build file; raises DatabaseUnavailable when it is missing or bad."""
    identity = _file_identity(path)
    if identity is None:
        raise DatabaseUnavailable(f"{path}: no such database file")
    if path.is_dir():
        raise DatabaseUnavailable(f"{path}: is a directory, not a database file")
    if path.stat().st_size == 0:
        raise DatabaseUnavailable(f"{path}: is an empty file, not an Evidex build")
    try:
        conn = _connect(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(f"{path}: cannot be opened ({exc})") from exc
    try:
        meta = read_meta(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseUnavailable(f"{path}: not an Evidex build ({exc})") from exc
    missing = [key for key in REQUIRED_META_KEYS if not meta.get(key)]
    if missing:
        conn.close()
        raise DatabaseUnavailable(f"{path}: meta lacks {', '.join(missing)}")
    truncation = _truncation_problem(conn, path)
    if truncation:
        conn.close()
        raise DatabaseUnavailable(f"{path}: {truncation}")
    return Generation(path=path, identity=identity, meta=meta, first=conn)


class Database:
    """The served build: `with db.connection() as conn:` gives a read-only connection."""

    def __init__(self, path: Path, check_interval: float = CHECK_INTERVAL_SECONDS) -> None:
        self.path = Path(path)
        self.check_interval = check_interval
        self._generation = open_generation(self.path)
        self._retired: list[Generation] = []
        self._checked_at = time.monotonic()
        self._swap_lock = threading.Lock()
        self._rejected: tuple[int, int] | None = None
        self._checking: tuple[int, int] | None = None
        self._pinned: ContextVar[Generation | None] = ContextVar("pinned", default=None)

    @property
    def build_id(self) -> str:
        self.refresh()
        return self._generation.build_id

    @property
    def meta(self) -> dict[str, str]:
        self.refresh()
        return dict(self._generation.meta)

    def refresh(self, force: bool = False) -> bool:
        """Switch to a newly built file if there is one; True when a swap happened."""
        now = time.monotonic()
        if not force and now - self._checked_at < self.check_interval:
            return False
        with self._swap_lock:
            self._checked_at = now
            identity = _file_identity(self.path)
            current = self._generation
            if identity is None or identity in (current.identity, self._rejected, self._checking):
                # Deleted: keep serving the open file. Unchanged, known-bad or being checked
                # by another thread: nothing to do.
                return False
            in_place = current.identity is not None and identity[0] == current.identity[0]
            if in_place:
                current.identity = identity
            else:
                self._checking = identity
        if in_place:
            # Written in place (an incremental build): the same file, maybe a new build id.
            self._check_in_place(current)
            return False
        try:
            size = os.stat(self.path).st_size
        except OSError:
            size = 0
        if force or size <= SYNC_CHECK_BYTES:
            return self._check_and_switch(identity)
        # A large file takes a while to check: meanwhile the current build keeps serving.
        threading.Thread(target=self._check_and_switch, args=(identity,), daemon=True).start()
        return False

    def _check_and_switch(self, identity: tuple[int, int]) -> bool:
        current = self._generation
        try:
            fresh = verified_generation(self.path)
        except (DatabaseUnavailable, OSError) as exc:
            log.warning("keeping build %s: new file rejected: %s", current.build_id, exc)
            with self._swap_lock:
                self._rejected = identity
                self._checking = None
            return False
        with self._swap_lock:
            self._checking = None
            current = self._generation
            self._generation = fresh
            # Old connections stay open: in-flight requests still read through them.
            self._retired.append(current)
            self._close_old_retired()
            log.info("switched to build %s", fresh.build_id)
            return True

    def _close_old_retired(self) -> None:
        # Keep the most recent retired generation open for unpinned readers, and any older one
        # a request still holds; the last of them to leave closes it.
        keep = self._retired[-1:]
        for generation in self._retired[:-1]:
            if generation.users == 0:
                generation.close()
            else:
                keep.insert(len(keep) - 1, generation)
        self._retired = keep

    def current(self) -> Generation:
        """The generation pinned to this request, else the newest good build."""
        pinned = self._pinned.get()
        if pinned is not None:
            return pinned
        self.refresh()
        return self._generation

    @contextmanager
    def pinned(self) -> Iterator[Generation]:
        """Serve everything inside (one request) from a single generation, every query in one
        read transaction (begun at the first query, ended by `end_snapshot()` or on leaving).
        Raises BuildChanged from that first query when the file was rewritten since."""
        already = self._pinned.get()
        if already is not None:
            yield already
            return
        self.refresh()
        with self._swap_lock:
            generation = self._generation
            generation.users += 1
        snapshot = Snapshot(self, generation)
        token = self._pinned.set(generation)
        snapshot_token = _snapshot.set(snapshot)
        try:
            yield generation
        finally:
            _snapshot.reset(snapshot_token)
            self._pinned.reset(token)
            snapshot.end()
            with self._swap_lock:
                generation.users -= 1
                if any(old is generation for old in self._retired):
                    self._close_old_retired()

    def _check_in_place(self, generation: Generation) -> None:
        assert generation.pool is not None
        conn = generation.pool.take()
        if conn is None:
            return
        try:
            conn.execute("BEGIN")
            row = conn.execute(_BUILD_ID_SQL).fetchone()
            if row is not None and str(row[0]) != generation.build_id:
                self.advance(generation, conn)
        except sqlite3.Error as exc:
            log.warning("cannot read build %s: %s", generation.build_id, exc)
        finally:
            generation.pool.give_back(conn)

    def advance(self, generation: Generation, conn: sqlite3.Connection) -> None:
        """Make the build `conn` reads (in a transaction on `generation`'s file, rewritten in
        place) the current one."""
        with self._swap_lock:
            if self._generation is not generation:
                return  # another request got there first, or a new file came meanwhile
            fresh = generation.successor(conn)
            self._generation = fresh
            self._retired.append(generation)
            self._close_old_retired()
        log.info("build %s written in place of %s", fresh.build_id, generation.build_id)

    def end_snapshot(self) -> None:
        """End this request's read transaction once its response is made (before it is sent):
        an incremental build's commit waits for every open one."""
        snapshot = _snapshot.get()
        if snapshot is not None:
            snapshot.end()

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        yield self.current().connection()

    def close(self) -> None:
        for generation in [*self._retired, self._generation]:
            generation.close()
        self._retired.clear()

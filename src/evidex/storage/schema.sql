-- Evidex build artifact. Written once by `evidex build`, then opened read-only.
-- Every table holding content keeps the full typed model as JSON in `doc`
-- (the same dict the JSON API and `evidex show` print) beside columns used to filter and sort.

CREATE TABLE meta (              -- build identity and facts: build_id, built_at, content_hash, schema_version, counts
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE compounds (
    slug TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    is_banned INTEGER NOT NULL,
    compound_class TEXT,
    last_modified TEXT,
    routes TEXT NOT NULL,          -- JSON list
    goals TEXT NOT NULL,           -- JSON list of goal slugs with evidence or claims
    doc TEXT NOT NULL              -- Compound.model_dump(mode="json"), sections carry sanitised html
);

CREATE TABLE names (             -- every name of every compound, folded for lookup
    key TEXT PRIMARY KEY,          -- evidex.content.names.fold_name(name)
    slug TEXT NOT NULL REFERENCES compounds(slug),
    name TEXT NOT NULL,
    kind TEXT NOT NULL             -- title | slug | alternate | brand | alias
);

CREATE TABLE articles (
    slug TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    compound_slug TEXT,
    goal TEXT NOT NULL,
    tier_claimed INTEGER,
    last_modified TEXT,
    summary TEXT NOT NULL,
    doc TEXT NOT NULL              -- Article.model_dump(mode="json"), body_html sanitised
);
CREATE INDEX articles_by_compound ON articles(compound_slug);

CREATE TABLE studies (
    id TEXT PRIMARY KEY,
    compound_slug TEXT,
    goal TEXT,
    article_slug TEXT,
    curated INTEGER NOT NULL,      -- 0 = extracted from prose ("unverified")
    design TEXT NOT NULL,
    n INTEGER,
    doc TEXT NOT NULL              -- Study.model_dump(mode="json") with derived significance/direction
);
CREATE INDEX studies_by_compound ON studies(compound_slug, goal);

CREATE TABLE outcomes (
    study_id TEXT NOT NULL REFERENCES studies(id),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    measure TEXT NOT NULL,
    value REAL NOT NULL,
    ci_low REAL,
    ci_high REAL,
    p TEXT,
    significant INTEGER,
    direction TEXT,
    PRIMARY KEY (study_id, idx)
);

CREATE TABLE tiers (             -- computed tier per compound x goal
    compound_slug TEXT NOT NULL,
    goal TEXT NOT NULL,
    tier INTEGER NOT NULL,
    tier_name TEXT NOT NULL,
    rationale TEXT NOT NULL,
    doc TEXT NOT NULL,             -- study ids, pooled estimates, rubric inputs
    forest_svg TEXT NOT NULL,      -- pre-rendered accessible SVG
    PRIMARY KEY (compound_slug, goal)
);

CREATE TABLE tier_history (      -- a row whenever a computed tier changed between builds
    compound_slug TEXT NOT NULL,
    goal TEXT NOT NULL,
    old_tier INTEGER,
    new_tier INTEGER NOT NULL,
    study_id TEXT,
    note TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    build_id TEXT NOT NULL
);

CREATE TABLE goals (slug TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE conditions (slug TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE interactions (id TEXT PRIMARY KEY, doc TEXT NOT NULL);

CREATE TABLE vendors (           -- written by evidex.vendors.build.write_vendors
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    last_verified TEXT,            -- ISO date; the finder marks a vendor stale after 90 days
    ships_to TEXT NOT NULL,        -- JSON list of region codes
    doc TEXT NOT NULL              -- Vendor.model_dump(mode="json") including its products
);
CREATE TABLE products (          -- one row per vendor product, price normalised at build time
    vendor_slug TEXT NOT NULL REFERENCES vendors(slug),
    compound_slug TEXT NOT NULL,
    idx INTEGER NOT NULL,          -- position in the vendor file's products list
    form TEXT NOT NULL,
    in_stock INTEGER NOT NULL,
    price_per_mg_base TEXT,        -- Decimal text in the rate table's base currency; NULL = not comparable
    grade TEXT NOT NULL,           -- vendor x compound grade A-F or "untested" at build time
    doc TEXT NOT NULL,             -- Product.model_dump(mode="json")
    PRIMARY KEY (vendor_slug, idx)
);
-- The exchange-rate table (RateTable JSON) is stored in meta under the key "currency_rates".
CREATE INDEX products_by_compound ON products(compound_slug);

CREATE TABLE diagnostics (path TEXT NOT NULL, line INTEGER NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL);

CREATE TABLE feed (              -- dated updates for the Atom feeds
    compound_slug TEXT,
    kind TEXT NOT NULL,            -- profile | article | study | tier
    ref TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX feed_by_compound ON feed(compound_slug, updated);
CREATE TABLE sources (           -- every library file as this build read it: an incremental
    rel TEXT PRIMARY KEY,          -- build compares the folder with these rows
    kind TEXT NOT NULL,            -- compound | article | study | vendor | goals | ...
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL,          -- blake2b of the bytes
    owner TEXT                     -- the compound a profile, article or study file is about
);
CREATE INDEX sources_by_owner ON sources(owner);
CREATE TABLE changes (           -- what each incremental build rewrote: the static export
    build_id TEXT PRIMARY KEY,     -- re-renders only these (evidex.web.export); a full build
    previous TEXT NOT NULL,        -- starts a new database with none. `previous`: the build
    compounds TEXT NOT NULL,       -- it was written over; JSON lists of the compounds and
    articles TEXT NOT NULL         -- articles whose rows it replaced
);

-- Search tables are created by evidex.search.index (see docs/schema.md).

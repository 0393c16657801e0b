# Evidex — every developer and CI run the same targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Evidex with the test tools (the `dev` extra), for make test:
STAMP := $(VENV)/.installed
# Evidex alone, all that make run, bench and fuzz need:
RUN_STAMP := $(VENV)/.installed-run
DB := var/evidex.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck pytest bench bench-deps fuzz build serve demo-cluster browser-deps clean mutate

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(RUN_STAMP)
	@mkdir -p var
	$(BIN)/evidex build content --db $(DB)

run: build
	$(BIN)/evidex serve --db $(DB) --host $(HOST) --port $(PORT)

# Debian's Chromium for the Playwright browser tests; installed here so a fresh machine has it.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
		( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null )

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) browser-deps
	$(BIN)/pytest -n 2 -q

test: lint typecheck pytest

# wrk drives the web benchmark; nginx serves the static export beside the Python server.
bench-deps:
	@( command -v wrk >/dev/null 2>&1 && { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } ) || \
		( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null )

bench: $(RUN_STAMP) bench-deps
	$(BIN)/python -m bench.run

fuzz: $(RUN_STAMP)
	$(BIN)/python -m bench.fuzz

# Mutation testing of the money, safety and statistics modules ([tool.mutmut] in pyproject.toml).
# Not part of `make test`: it takes minutes. One module at a time, MUTATE_JOBS processes each.
MUTATE_MODULES ?= pricing dose grading screening interactions stats tiers numbers
MUTATE_JOBS ?= 1

$(VENV)/.mutmut: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[mutate]'
	touch $@

mutate: $(VENV)/.mutmut
	@for module in $(MUTATE_MODULES); do \
		echo "mutmut: $$module"; \
		$(BIN)/mutmut run --max-children $(MUTATE_JOBS) "evidex.*.$$module.*" > /dev/null || exit 1; \
	done
	$(BIN)/python -m bench.mutation_report

demo-cluster: $(RUN_STAMP)
	bash scripts/demo-cluster.sh

clean:
	rm -rf var build mutants .pytest_cache .mypy_cache .ruff_cache

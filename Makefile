# presswash — the two commands first: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the compiled core (textcore/, Rust via PyO3 and maturin): built in release mode into
# cleaners/, again whenever its sources change
CORE := cleaners/_textcore.abi3.so
CORE_SRC := textcore/Cargo.toml textcore/Cargo.lock $(wildcard textcore/src/*.rs textcore/src/*/*.rs)

# Prefect's home inside the checkout (flows/prefect_env.py HOME); the other Prefect
# defaults live in flows/prefect_env.py alone, applied by the CLI itself
export PREFECT_HOME := $(CURDIR)/.prefect

.PHONY: build run test test-slow eval lint typecheck bench serve serve-stop lock system-deps clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "presswash needs Python 3.11+")'
	@command -v cargo >/dev/null || { echo "presswash needs the Rust toolchain (cargo): see README, Set-up"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

$(CORE): $(STAMP) $(CORE_SRC) pyproject.toml
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(CORE)

build: $(CORE)

# The main flow on seeds/ in Prefect's embedded ephemeral mode (no server started by hand).
run: $(CORE)
	env -u PREFECT_API_URL $(BIN)/presswash run seeds --out data/out --state data/state

# Debian packages the browser and Redis tests drive (CI runs as root on a fresh machine).
system-deps:
	@command -v chromium >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium redis-server >/dev/null; \
	  else echo "install Debian's chromium and redis-server (sudo apt-get install chromium redis-server)"; fi; }

test: $(CORE) system-deps
	cargo test --quiet --release --manifest-path textcore/Cargo.toml
	env -u PREFECT_API_URL $(BIN)/python -m pytest -q

# Tests too long for the 10-minute suite (20 SIGKILLs of the CLI against a real server).
test-slow: $(CORE) system-deps
	env -u PREFECT_API_URL $(BIN)/python -m pytest -q -m slow

# Each DEV set of ../shared/eval through `presswash run` (temp OUT, new empty STATE), then its scorer.
EVAL := $(CURDIR)/../shared/eval
eval: $(CORE)
	env -u PREFECT_API_URL $(BIN)/python -m tests.evalrun --eval $(EVAL)

lint: $(CORE)
	$(BIN)/ruff check cleaners flows tests bench

# mypy on cleaners/ and flows/ (settings in pyproject.toml)
typecheck: $(CORE)
	$(BIN)/mypy

bench: $(CORE)
	env -u PREFECT_API_URL $(BIN)/python -m bench.harness

# A local Prefect server, the process work pool, the deployments and a worker, on 127.0.0.1.
serve: $(CORE)
	$(BIN)/python -m flows.serve start

serve-stop: $(CORE)
	$(BIN)/python -m flows.serve stop

lock:
	rm -rf /tmp/presswash-lock && $(PYTHON) -m venv /tmp/presswash-lock
	/tmp/presswash-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/presswash-lock/bin/pip freeze --exclude-editable > requirements.lock.new && mv requirements.lock.new requirements.lock

clean:
	rm -rf data/out data/runs data/state .prefect

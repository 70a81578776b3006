# The two commands of the README:
#   make demo   load the sample exports into csr.duckdb, build everything, print a summary;
#               EXPORTS=DIR builds another folder into a DuckDB file of its own
#               (csr_<name>_<hash>.duckdb, see csr_analytics/demo.py) and says which
#   make test   ruff, sqlfluff, dbt parse and pytest (loader, generator, end-to-end builds
#               on DuckDB and PostgreSQL)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
AS_OF ?= 2025-06-30
EXPORTS ?= data/sample_exports

export DO_NOT_TRACK := 1
export DBT_PROFILES_DIR ?= $(CURDIR)

.PHONY: demo test install lint parse pytest docs clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

profiles.yml:
	cp profiles.example.yml profiles.yml

install: $(BIN)/.installed profiles.yml

demo: install
	@database=$$($(BIN)/python -m csr_analytics.demo '$(EXPORTS)'); \
	export CSR_DUCKDB_PATH="$$database"; \
	echo "Database: $$database (for $(EXPORTS))"; \
	run() { echo "$$*"; "$$@"; }; \
	run $(BIN)/csr-load '$(EXPORTS)' --target duckdb; \
	run $(BIN)/dbt build --target duckdb --vars '{as_of_date: $(AS_OF)}'; \
	run $(BIN)/csr-report --target duckdb; \
	echo "Database: $$database (for $(EXPORTS))"

lint: install
	$(BIN)/ruff check scripts
	$(BIN)/ruff format --check scripts
	CSR_DUCKDB_PATH=$(CURDIR)/target/lint.duckdb $(BIN)/sqlfluff lint models tests snapshots

parse: install
	@out=$$($(BIN)/dbt parse --target duckdb --no-partial-parse --show-all-deprecations 2>&1); \
	echo "$$out" | tail -n 3; \
	if grep -qi "deprecat" <<<"$$out"; then echo "$$out"; echo "dbt parse: deprecation warnings"; exit 1; fi

pytest: install
	$(BIN)/pytest

test: lint parse pytest

docs: install
	$(BIN)/dbt docs generate --static --target duckdb --vars '{as_of_date: $(AS_OF)}'

clean:
	rm -rf target logs csr.duckdb csr.duckdb.wal csr_*.duckdb csr_*.duckdb.wal

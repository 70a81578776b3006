# The two commands of the README:
#   make demo   load the sample exports into csr.duckdb, build everything, print a summary;
#               EXPORTS=DIR builds another folder into a DuckDB file of its own
#               (csr_<name>_<hash>.duckdb, see csr_analytics/demo.py) and says which
#   make test   ruff, sqlfluff, dbt parse and pytest (loader, generator, end-to-end builds
#               on DuckDB and PostgreSQL); each stage prints its time, and a summary ends it
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
AS_OF ?= 2025-06-30
EXPORTS ?= data/sample_exports

export DO_NOT_TRACK := 1
export DBT_PROFILES_DIR ?= $(CURDIR)

.PHONY: demo test install lint parse pytest chromium docs clean

STAGE := scripts/dev/stage.sh
# Where `make test` collects its stage times for the summary.
export STAGE_TIMES ?= $(CURDIR)/target/stage_times.txt
# pytest's processes: the DuckDB and the PostgreSQL builds run side by side (pytest-xdist).
PYTEST_WORKERS ?= 2
CHROMIUM := /usr/bin/chromium

$(BIN)/.installed: pyproject.toml
	@echo "==> install: a Python virtual environment in $(VENV), with this project and its packages"
	@echo "    from PyPI: dbt-core 1.11, dbt-duckdb, dbt-postgres, duckdb, psycopg, pyarrow,"
	@echo "    dbt-metricflow, and for the tests pytest, pytest-xdist, ruff, sqlfluff, hypothesis,"
	@echo "    playwright. Nothing outside $(VENV) (about 1 minute the first time, less from pip's cache)"
	@start=$$(date +%s); \
	$(PYTHON) -m venv $(VENV); \
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'; \
	echo "<== install $$(( $$(date +%s) - start )) s"
	@touch $@

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
	@$(STAGE) ruff "ruff check and ruff format --check (scripts)" \
		bash -c '$(BIN)/ruff check scripts && $(BIN)/ruff format --check scripts'
	@$(STAGE) sqlfluff "sqlfluff lint models tests (jinja templater, 2 processes), snapshots (dbt templater)" \
		bash -c '$(BIN)/sqlfluff lint --processes 2 models tests \
		&& CSR_DUCKDB_PATH=$(CURDIR)/target/lint.duckdb $(BIN)/sqlfluff lint --templater dbt snapshots'

parse: install
	@$(STAGE) parse "dbt parse (no partial parse; fails on a deprecation warning)" bash -c '\
		out=$$($(BIN)/dbt parse --target duckdb --no-partial-parse --show-all-deprecations 2>&1); \
		status=$$?; echo "$$out" | tail -n 3; \
		if [ $$status -ne 0 ]; then echo "$$out"; exit $$status; fi; \
		if grep -qi "deprecat" <<<"$$out"; then echo "$$out"; echo "dbt parse: deprecation warnings"; exit 1; fi'

# The company report test opens the report in Debian's Chromium. When it is missing it is
# installed system-wide with apt-get (as root), said before it starts.
chromium:
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Chromium ($(CHROMIUM)) is missing: the company report test opens the report in it."; \
		echo "Installing Debian's chromium package SYSTEM-WIDE with apt-get (once; a few minutes)."; \
		$(STAGE) chromium "apt-get install chromium (system-wide)" bash -c '\
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get install -y -qq --no-install-recommends chromium >/dev/null \
			|| { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; }'; \
	fi

pytest: install chromium
	@$(STAGE) pytest "pytest in $(PYTEST_WORKERS) processes (loader, generator, end-to-end builds on DuckDB and PostgreSQL)" \
		$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup

test: install
	@rm -f $(STAGE_TIMES); start=$$(date +%s); status=0; \
	$(MAKE) --no-print-directory lint parse pytest || status=$$?; \
	echo "== make test: $$([ $$status -eq 0 ] && echo passed || echo FAILED) in $$(( $$(date +%s) - start )) s"; \
	cat $(STAGE_TIMES) 2>/dev/null; \
	exit $$status

docs: install
	$(BIN)/dbt docs generate --static --target duckdb --vars '{as_of_date: $(AS_OF)}'

clean:
	rm -rf target logs csr.duckdb csr.duckdb.wal csr_*.duckdb csr_*.duckdb.wal

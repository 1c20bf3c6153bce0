# Two commands do everything on a fresh machine:
#   make serve   set up, then serve the handbook at http://127.0.0.1:8000
#   make test    set up, then run every test
# Set-up is a virtual environment in .venv with the exact pins from requirements*.txt.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Bangor University's Welsh hunspell dictionary (cy_GB), as packaged in cymraeg-mcp, for the Welsh
# spelling test. We use its data only, not its MCP server, so it is installed without the server's
# dependencies (--no-deps), which a requirements file cannot say for one package.
WELSH_DICTIONARY := cymraeg-mcp==0.1.0
STAMP := $(VENV)/.installed-$(shell { cat requirements.txt requirements-test.txt; echo $(WELSH_DICTIONARY); } | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve preview build check test browser print-deps checkers bench bench-pdf clean schemas new-method new-tool new-mindset

$(STAMP): requirements.txt requirements-test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --no-deps $(WELSH_DICTIONARY)
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP) print-deps  ## Build and serve the handbook with live reload (PDFs made once, in the background)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

preview: $(STAMP)  ## Serve without making the PDFs, for quick previews
	HANDBOOK_PDF=false $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) print-deps  ## Build the static site and its PDFs into site/
	$(BIN)/mkdocs build

bench: $(STAMP) print-deps  ## Measure the build against its targets; writes tests/benchmarks/README.md
	$(BIN)/python tests/benchmarks/bench.py

bench-pdf: $(STAMP) print-deps  ## Time the PDF step against the HTML build (real and 200-method handbooks)
	$(BIN)/python tests/benchmarks/pdf.py

check: $(STAMP)  ## Check every page's front matter, fast, without building
	$(BIN)/python -m macros

schemas: $(STAMP)  ## Regenerate the front matter JSON Schemas from the models
	$(BIN)/python -m macros schemas

new-method new-tool new-mindset: $(STAMP)  ## Start a new page from its template: make new-method TITLE="Card sorting"
	$(BIN)/python -m macros new $(@:new-%=%) "$(TITLE)"

# Browser tests drive Debian's Chromium; install it when we can (as root with apt).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Browser tests need Chromium: sudo apt-get install chromium"; fi; }

# The PDFs (WeasyPrint) need Pango and the fonts the print stylesheets name; install them when
# we can (as root with apt).
print-deps:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && fc-list | grep -q "Liberation Sans"; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core >/dev/null; \
	  else echo "The PDFs need Pango and fonts: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core"; fi; }

# The Nu HTML Checker (vnu-jar, on Java: tests/site/test_html_valid.py) and pa11y (HTML_CodeSniffer,
# on Debian's Chromium: tests/browser/test_htmlcs.py), at the versions pinned in
# tests/node/package-lock.json, installed once into .cache/node; the tests download nothing.
# --ignore-scripts: vnu-jar's install script would download a Java and puppeteer's a Chrome; the
# tests use the machine's Java and Chromium. Java and Node come from apt when we can.
NODE_DIR := .cache/node
NODE_STAMP := $(NODE_DIR)/.installed-$(shell cat tests/node/package-lock.json | cksum | cut -d' ' -f1)

checkers: $(NODE_STAMP)

$(NODE_STAMP): tests/node/package.json tests/node/package-lock.json
	@{ command -v java && command -v npm; } >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless nodejs npm >/dev/null; \
	  else echo "The HTML and accessibility checkers need Java and Node: sudo apt-get install default-jre-headless nodejs npm"; fi; }
	mkdir -p $(NODE_DIR)
	cp tests/node/package.json tests/node/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -f $(NODE_DIR)/.installed-*
	touch $@

# One worker per core; tests that share an expensive fixture (the handbook PDF read back) stay
# together (xdist_group), the rest are shared out one by one.
test: $(STAMP) browser print-deps checkers  ## Run every test
	$(BIN)/python -m pytest -n auto --dist loadgroup

clean:
	rm -rf site .pytest_cache

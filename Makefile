# The two commands of the README: `make run` (everything, then the API) and `make test`.
VENV := .venv
CKG := $(VENV)/bin/ckg
STAMP := $(VENV)/.installed
# The workbench (web/): npm packages from the lockfile, built by Vite into web/dist (git-ignored).
WEB_MODULES := web/node_modules/.installed
WEB_BUILD := web/dist/index.html
WEB_SOURCES := web/index.html web/vite.config.ts web/tsconfig.json $(shell find web/src -type f 2>/dev/null)

.PHONY: run test install web chromium db-stop clean

run: $(STAMP) $(WEB_BUILD)
	$(CKG) up

test: $(STAMP) $(WEB_BUILD) chromium
	$(CKG) db install
	cd web && npm test
	$(VENV)/bin/pytest

install: $(STAMP) $(WEB_BUILD)

web: $(WEB_BUILD)

# Re-installs only when the dependencies change.
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

$(WEB_MODULES): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_MODULES)

# Rebuilt only when a source or the installed packages change.
$(WEB_BUILD): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run build

chromium:
	@tests/browser/ensure-chromium.sh

db-stop: $(STAMP)
	$(CKG) db stop

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache web/node_modules web/dist

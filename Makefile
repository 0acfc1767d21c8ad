# The two commands of the README: `make run` (everything, then the API) and `make test`.
VENV := .venv
CKG := $(VENV)/bin/ckg
STAMP := $(VENV)/.installed

.PHONY: run test install db-stop clean

run: $(STAMP)
	$(CKG) up

test: $(STAMP)
	$(CKG) db install
	$(VENV)/bin/pytest

install: $(STAMP)

# Re-installs only when the dependencies change.
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

db-stop: $(STAMP)
	$(CKG) db stop

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

# conflict-kg: `make demo` runs the pipeline on examples/, `make test` runs the test suite
# against a real Neo4j started on loopback. Both set up everything they need.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CKG := $(VENV)/bin/ckg
NEO4J := $(PY) tools/neo4j/server.py
DEMO_GRAPH := out/demo.db
TEST_NEO4J := .neo4j-test

.PHONY: install java chromium demo test lint neo4j neo4j-stop bench clean screenshots

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Java 17 and Maven build and run the Neo4j test server; install them from Debian when missing.
java:
	@command -v javac >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1 || \
	  { echo "installing Java 17 and Maven (apt-get)"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null; }

# Headless Chromium drives Neo4j Browser and the HTML view in the tests; install it from Debian when missing.
chromium:
	@test -x /usr/bin/chromium || { echo "installing Chromium (apt-get)"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }

demo: install
	rm -rf out && mkdir -p out
	$(CKG) --graph $(DEMO_GRAPH) ingest examples/
	$(CKG) --graph $(DEMO_GRAPH) stats
	$(CKG) --graph $(DEMO_GRAPH) show lna
	$(CKG) --graph $(DEMO_GRAPH) query who-attacks-whom
	$(CKG) --graph $(DEMO_GRAPH) query supporters-of -p actor gna
	$(CKG) --graph $(DEMO_GRAPH) query foreign-states
	$(CKG) --graph $(DEMO_GRAPH) sparql supporters-of -p actor Haftar
	$(CKG) --graph $(DEMO_GRAPH) cypher "MATCH (s:Actor)<-[:SOURCE]-(e:Event {modality: 'negated'}) RETURN s.name AS who, e.predicate AS denies, count(e) AS n ORDER BY n DESC, who, denies" --format csv
	$(CKG) --graph $(DEMO_GRAPH) export --format turtle -o out/graph.ttl
	$(CKG) --graph $(DEMO_GRAPH) export --format html -o out/graph.html
	@echo "open out/graph.html in a browser; the Turtle file is out/graph.ttl"

lint: install
	$(VENV)/bin/ruff check .

test: install java chromium lint
	$(NEO4J) build
	@rm -rf $(TEST_NEO4J); \
	uri=$$($(NEO4J) start --state-dir $(TEST_NEO4J) --bolt-port 0 --browser-port 0 --no-auth --uri-only) || exit 1; \
	trap '$(NEO4J) stop --state-dir $(TEST_NEO4J) >/dev/null' EXIT; \
	echo "test Neo4j at $$uri"; \
	CKG_TEST_NEO4J_URI=$$uri CKG_TEST_NEO4J_STATE=$(TEST_NEO4J) $(PY) -m pytest $(PYTEST_ARGS)

# The README's pictures of Neo4j Browser and of the HTML view, taken by their tests.
screenshots:
	CKG_SCREENSHOTS=docs $(MAKE) test PYTEST_ARGS="-q tests/test_browser_neo4j.py tests/test_browser_html.py"

neo4j: install java
	$(NEO4J) start --state-dir .neo4j

neo4j-stop:
	$(NEO4J) stop --state-dir .neo4j

bench: install
	$(PY) bench/run.py

clean:
	rm -rf out .pytest_cache .ruff_cache $(TEST_NEO4J)

"""Shared fixtures: a real Neo4j server for the whole test session.

`neo4j_uri` is the bolt:// address of a server started once per session from
tools/neo4j/server.py (or the one named by CKG_TEST_NEO4J_URI, which is then left running).
`neo4j_clean` hands a test that server with no nodes, constraints or indexes left by others.
Under CI=true a server that cannot start fails the run; elsewhere the tests that need it are skipped.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest
from neo4j import GraphDatabase

SERVER_SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "neo4j" / "server.py"
EXTERNAL_URI_ENV = "CKG_TEST_NEO4J_URI"
EXTERNAL_STATE_ENV = "CKG_TEST_NEO4J_STATE"  # the state directory of that server, for its Browser URL
_started: dict[str, Path] = {}


def neo4j_server_module() -> ModuleType:
    """tools/neo4j/server.py, loaded by path (tools/ is not a package)."""
    name = "ckg_tools_neo4j_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SERVER_SCRIPT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the file runs
        spec.loader.exec_module(module)
    return sys.modules[name]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> NoReturn:
    """Fail under CI, where a missing server is a broken build; skip elsewhere."""
    if in_ci():
        pytest.fail(f"Neo4j test server unavailable under CI: {reason}", pytrace=False)
    pytest.skip(f"Neo4j test server unavailable: {reason}")


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def wipe_neo4j(uri: str) -> None:
    """Delete every node and drop every constraint and index except Neo4j's token lookup indexes."""
    with GraphDatabase.driver(uri, auth=None) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name")
        for record in constraints:
            driver.execute_query(f"DROP CONSTRAINT {_quote(record['name'])} IF EXISTS")
        # Constraint-backed indexes went with their constraints; LOOKUP indexes are Neo4j's own.
        indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
        for record in indexes:
            driver.execute_query(f"DROP INDEX {_quote(record['name'])} IF EXISTS")


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get(EXTERNAL_URI_ENV, "").strip()
    if external:
        yield external
        return
    try:
        server = neo4j_server_module()
    except Exception as error:  # an unreadable server.py is as fatal as a missing Java
        unavailable(f"cannot load {SERVER_SCRIPT}: {error}")
    state_dir = tmp_path_factory.mktemp("neo4j")
    _started["state_dir"] = state_dir
    try:
        info = server.start(state_dir)
    except server.Neo4jServerError as error:
        unavailable(str(error))
    try:
        yield info.bolt_uri
    finally:
        server.stop(state_dir)


@pytest.fixture
def neo4j_clean(neo4j_uri: str) -> str:
    wipe_neo4j(neo4j_uri)
    return neo4j_uri


@pytest.fixture(scope="session")
def neo4j_browser_url(neo4j_uri: str) -> str:
    """The Neo4j Browser of the test server (no authentication)."""
    state = os.environ.get(EXTERNAL_STATE_ENV, "").strip() or _started.get("state_dir")
    if not state:
        unavailable(f"{EXTERNAL_URI_ENV} is set without {EXTERNAL_STATE_ENV}, so the Browser's address is unknown")
    info = neo4j_server_module().status(Path(state))
    if info is None:
        unavailable(f"no Neo4j server runs for {state}")
    return info.browser_url


# The embedded store's fixtures (path, store, loaded), shared by its test modules.
from embedded_fixtures import loaded, path, store  # noqa: E402, F401

"""The Neo4j server from tools/neo4j: Bolt through the official driver, Neo4j Browser, start and stop."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

PASSWORD = "conflict-kg-test"


def _conftest() -> ModuleType:
    # Loaded by path: a bare `import conftest` could pick up another directory's conftest.
    spec = importlib.util.spec_from_file_location("ckg_tests_conftest", Path(__file__).with_name("conftest.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CONFTEST = _conftest()


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def server() -> ModuleType:
    return CONFTEST.neo4j_server_module()


@pytest.fixture(scope="module")
def private_server(server: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A second server of this module's own, with authentication on, for the lifecycle tests."""
    state_dir = tmp_path_factory.mktemp("neo4j-private")
    try:
        info = server.start(state_dir, password=PASSWORD)
    except server.Neo4jServerError as error:
        CONFTEST.unavailable(str(error))
    yield info
    server.stop(state_dir)


def test_return_one_through_the_official_driver(neo4j_uri: str) -> None:
    with GraphDatabase.driver(neo4j_uri, auth=None) as driver:
        records, summary, keys = driver.execute_query("RETURN 1 AS x")
    assert keys == ["x"]
    assert [record.data() for record in records] == [{"x": 1}]
    assert summary.server.agent.startswith("Neo4j/5.26.")


def test_write_then_read_round_trip(neo4j_clean: str) -> None:
    with GraphDatabase.driver(neo4j_clean, auth=None) as driver:
        driver.execute_query(
            "CREATE (:Actor {id: $id, name: $name, aliases: $aliases})-[:SUPPORTS {events: 2}]->(:Actor {id: 'b'})",
            id="a",
            name="الجيش",
            aliases=["army", "SAF"],
        )
        records, _, _ = driver.execute_query(
            "MATCH (a:Actor)-[r:SUPPORTS]->(b:Actor) RETURN a.id AS a, a.name AS name, a.aliases AS aliases, "
            "r.events AS events, b.id AS b"
        )
        count, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert [record.data() for record in records] == [
        {"a": "a", "name": "الجيش", "aliases": ["army", "SAF"], "events": 2, "b": "b"}
    ]
    assert count[0]["n"] == 2


def test_wipe_removes_nodes_constraints_and_indexes(neo4j_clean: str) -> None:
    with GraphDatabase.driver(neo4j_clean, auth=None) as driver:
        lookups, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type WHERE type = 'LOOKUP' RETURN name")
        driver.execute_query("CREATE CONSTRAINT actor_id FOR (a:Actor) REQUIRE a.id IS UNIQUE")
        driver.execute_query("CREATE INDEX `event date` FOR (e:Event) ON (e.date)")
        driver.execute_query("CREATE (:Actor {id: 'a'}), (:Event {date: '2023-04-15'})")
        before, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN count(*) AS n")
        assert before[0]["n"] == len(lookups) + 2

        CONFTEST.wipe_neo4j(neo4j_clean)

        nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
        constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name")
        indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type RETURN name, type")
    assert nodes[0]["n"] == 0
    assert constraints == []
    assert sorted(record["name"] for record in indexes) == sorted(record["name"] for record in lookups)
    assert {record["type"] for record in indexes} == {"LOOKUP"}


def test_password_is_required_when_auth_is_on(private_server) -> None:
    with GraphDatabase.driver(private_server.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query("RETURN 2 + 3 AS x")
    assert [record.data() for record in records] == [{"x": 5}]
    wrong = GraphDatabase.driver(private_server.bolt_uri, auth=("neo4j", "wrong-password"))
    with wrong, pytest.raises(AuthError):
        wrong.execute_query("RETURN 1")


def test_browser_serves_index_and_discovery(private_server) -> None:
    with urllib.request.urlopen(private_server.browser_url, timeout=10) as response:
        status, content_type = response.status, response.headers["Content-Type"]
        body = response.read().decode("utf-8")
    assert private_server.browser_url == f"http://127.0.0.1:{private_server.browser_port}/browser/"
    assert status == 200
    assert content_type == "text/html; charset=utf-8"
    assert "<title>Neo4j Browser</title>" in body
    assert "neo4j" in body.lower()

    # Neo4j Browser asks its origin for the Bolt address, as it would ask a Neo4j server.
    root = f"http://127.0.0.1:{private_server.browser_port}/"
    request = urllib.request.Request(root, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        discovery = json.load(response)
    assert discovery["bolt_direct"] == private_server.bolt_uri
    assert discovery["bolt_routing"] == private_server.bolt_uri.replace("bolt://", "neo4j://")
    assert discovery["neo4j_edition"] == "community"
    assert discovery["neo4j_version"].startswith("5.26.")
    assert discovery["auth_enabled"] is True


def test_start_reports_the_running_server_and_status_matches(server: ModuleType, private_server) -> None:
    again = server.start(private_server.state_dir)
    assert again == private_server
    assert server.status(private_server.state_dir) == private_server
    recorded = json.loads((private_server.state_dir / "server.json").read_text())
    assert recorded["pid"] == private_server.pid
    assert recorded["bolt_uri"] == f"bolt://127.0.0.1:{private_server.bolt_port}"
    assert server.bolt_handshake(private_server.bolt_port) is True


def test_start_refuses_a_port_in_use(server: ModuleType, tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(server.Neo4jServerError, match=f"port {port} on 127.0.0.1 is in use"):
            server.start(tmp_path, bolt_port=port)
    assert server.status(tmp_path) is None
    assert not (tmp_path / "server.json").exists()


def test_stop_ends_the_process(server: ModuleType, private_server) -> None:
    assert server.stop(private_server.state_dir) is True
    assert not Path(f"/proc/{private_server.pid}").exists()
    with pytest.raises(ProcessLookupError):
        os.kill(private_server.pid, 0)
    assert not (private_server.state_dir / "server.json").exists()
    assert server.status(private_server.state_dir) is None
    assert not _listening(private_server.bolt_port)
    assert not _listening(private_server.browser_port)
    assert server.stop(private_server.state_dir) is False


def test_the_cli_starts_with_a_generated_password_kept_private(server: ModuleType, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(server.PASSWORD_ENV, raising=False)
    state = tmp_path / "state"
    try:
        code = server.main(["start", "--state-dir", str(state), "--bolt-port", "0", "--browser-port", "0"])
    except server.Neo4jServerError as error:
        CONFTEST.unavailable(str(error))
    try:
        printed = capsys.readouterr().out
        info = server.status(state)
        assert code == 0 and info is not None and info.auth
        password_file = state / server.PASSWORD_FILE
        assert f"  Bolt:    {info.bolt_uri}   (user neo4j, password in {password_file.resolve()})" in printed
        assert oct(password_file.stat().st_mode & 0o777) == "0o600"
        password = password_file.read_text(encoding="utf-8").strip()
        assert len(password) >= 20
        assert server.stored_password(state) == password  # the next start uses the same one
        with GraphDatabase.driver(info.bolt_uri, auth=("neo4j", password)) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS x")
        assert records[0]["x"] == 1
        from graph.neo4j_store import Neo4jStore

        with Neo4jStore(info.bolt_uri, password=password) as store:  # user neo4j by default
            assert store.stats()["documents"] == 0
        anonymous = GraphDatabase.driver(info.bolt_uri, auth=None)
        with anonymous, pytest.raises(AuthError):
            anonymous.execute_query("RETURN 1")
    finally:
        server.stop(state)


def test_wished_ports_taken_before_neo4j_binds_them_give_way_to_free_ones(server: ModuleType,
                                                                         tmp_path: Path) -> None:
    # Held busy and not checked by the launcher first: Neo4j's own bind fails, as when another program
    # takes a port between the check and the bind.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as bolt, \
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as browser:
        for taken in (bolt, browser):
            taken.bind(("127.0.0.1", 0))
            taken.listen()
        busy = (bolt.getsockname()[1], browser.getsockname()[1])
        try:
            info = server.start(tmp_path, bolt_wish=busy[0], browser_wish=busy[1])
        except server.Neo4jServerError as error:
            CONFTEST.unavailable(str(error))
        try:
            assert info.bolt_port not in busy and info.browser_port not in busy
            assert server.bolt_handshake(info.bolt_port) is True
            assert server.status(tmp_path) == info
            log = info.log_path.read_text(encoding="utf-8", errors="replace")
            assert f"An error occurred while trying to bind to the socket /127.0.0.1:{busy[0]}" in log
        finally:
            server.stop(tmp_path)
    assert not _listening(info.bolt_port)

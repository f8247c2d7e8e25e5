"""Starting, stopping and asking for the server of a state directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from launcher_base import (
    HOST,
    LAUNCHER_JAR,
    LIB_DIR,
    MAIN_CLASS,
    PASSWORD_ENV,
    READY_MARK,
    START_ATTEMPTS,
    START_TIMEOUT_S,
    Neo4jServerError,
    ServerInfo,
    jvm_options,
)
from launcher_build import build
from launcher_ports import bolt_handshake, free_port, port_is_free
from launcher_processes import is_launcher, reap, terminate


def log_tail(log_path: Path, offset: int, lines: int = 40) -> str:
    try:
        with open(log_path, "rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", "replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def status(state_dir: Path) -> ServerInfo | None:
    """The server recorded in state_dir if it is running, else None."""
    record = Path(state_dir) / "server.json"
    try:
        info = ServerInfo.from_json(record.read_text())
    except (OSError, ValueError, TypeError, KeyError):
        return None
    reap(info.pid)
    return info if is_launcher(info.pid, Path(state_dir)) else None


def start(
    state_dir: Path,
    bolt_port: int | None = None,
    browser_port: int | None = None,
    *,
    heap: str = "512m",
    page_cache: str = "64m",
    password: str | None = None,
    timeout: float = START_TIMEOUT_S,
    bolt_wish: int | None = None,
    browser_wish: int | None = None,
) -> ServerInfo:
    """Start a server for state_dir (or return the one already running there).

    Ports left as None (or 0) are picked free; a port given is used or refused. A wish (for a port left
    unset) is tried first, and when Neo4j cannot bind it another free port is. The call returns once Bolt
    answers a handshake. A password (8+ characters) turns authentication on for user neo4j.
    """
    state_dir = Path(state_dir).resolve()
    running = status(state_dir)
    if running is not None:
        return running
    bolt_port = bolt_port or None
    browser_port = browser_port or None
    if password is not None and len(password) < 8:
        raise Neo4jServerError("the Neo4j password must have at least 8 characters")
    build()
    state_dir.mkdir(parents=True, exist_ok=True)
    # A port checked free here may be taken before Java binds it; then other free ports are tried.
    attempts = 1 if bolt_port is not None and browser_port is not None else START_ATTEMPTS
    for attempt in range(attempts):
        wishes = (bolt_wish, browser_wish) if attempt == 0 else (None, None)
        bolt = bolt_port or wishes[0] or free_port()
        browser = browser_port or wishes[1] or free_port({bolt})
        try:
            # a given port is checked first, for a clear message; a wish is left to the bind itself
            return _launch(state_dir, bolt, browser, heap, page_cache, password, timeout,
                           check=[p for p, wish in ((bolt, wishes[0]), (browser, wishes[1])) if p != wish])
        except _PortTaken as taken:
            if attempt == attempts - 1:
                raise Neo4jServerError(str(taken)) from None
    raise AssertionError("unreachable")


class _PortTaken(Exception):
    pass


def _launch(
    state_dir: Path,
    bolt_port: int,
    browser_port: int,
    heap: str,
    page_cache: str,
    password: str | None,
    timeout: float,
    check: list[int],
) -> ServerInfo:
    for port in check:
        if not port_is_free(port):
            raise _PortTaken(f"port {port} on {HOST} is in use; choose another or leave it unset")
    log_path = state_dir / "neo4j.log"
    offset = log_path.stat().st_size if log_path.exists() else 0
    command = [
        shutil.which("java") or "java",
        f"-Xmx{heap}",
        *jvm_options(),
        "-cp",
        f"{LAUNCHER_JAR}{os.pathsep}{LIB_DIR}/*",
        MAIN_CLASS,
        "--home",
        str(state_dir / "home"),
        "--bolt-port",
        str(bolt_port),
        "--browser-port",
        str(browser_port),
        "--page-cache",
        page_cache,
    ]
    env = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
    if password:
        env[PASSWORD_ENV] = password
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            cwd=state_dir,
        )
    deadline = time.monotonic() + timeout
    while True:
        tail = log_tail(log_path, offset)
        if process.poll() is not None:
            if "BindException" in tail or "Address already in use" in tail:
                raise _PortTaken(f"port {bolt_port} or {browser_port} was taken while Neo4j started:\n{tail}")
            raise Neo4jServerError(
                f"Neo4j exited with code {process.returncode} while starting; see {log_path}. Last lines:\n{tail}"
            )
        if READY_MARK in tail and bolt_handshake(bolt_port):
            break
        if time.monotonic() > deadline:
            terminate(process.pid)
            raise Neo4jServerError(
                f"Neo4j did not answer on bolt://{HOST}:{bolt_port} within {timeout:.0f} s "
                f"(the machine may be overloaded; see {log_path}). Last lines:\n{tail}"
            )
        time.sleep(0.2)
    info = ServerInfo(
        bolt_uri=f"bolt://{HOST}:{bolt_port}",
        # Without authentication the Browser's connect form then needs only a click.
        browser_url=f"http://{HOST}:{browser_port}/browser/" + ("" if password else "?preselectAuthMethod=NO_AUTH"),
        pid=process.pid,
        state_dir=state_dir,
        bolt_port=bolt_port,
        browser_port=browser_port,
        auth=bool(password),
        log_path=log_path,
    )
    record = state_dir / "server.json"
    record.with_suffix(".tmp").write_text(info.to_json())
    record.with_suffix(".tmp").replace(record)
    return info


def stop(state_dir: Path) -> bool:
    """Stop the server recorded in state_dir. True if one was running; removes server.json."""
    state_dir = Path(state_dir).resolve()
    record = state_dir / "server.json"
    info = status(state_dir)
    if info is not None:
        terminate(info.pid)
    record.unlink(missing_ok=True)
    return info is not None

"""Run a local Neo4j Community 5.26 server (Bolt on loopback, Neo4j Browser) without Docker.

The server is an embedded DBMS built by Maven from Maven Central (see pom.xml and Launcher.java
beside this file); it needs Java 17+ and Maven:  apt-get install openjdk-17-jdk-headless maven

Usage:
    python tools/neo4j/server.py start  [--state-dir .neo4j] [--bolt-port N] [--browser-port N]
                                        [--heap 512m] [--page-cache 64m] [--uri-only]
    python tools/neo4j/server.py stop   [--state-dir .neo4j]
    python tools/neo4j/server.py status [--state-dir .neo4j] [--uri-only]
    python tools/neo4j/server.py build
    python tools/neo4j/server.py import [--state-dir .neo4j] CSV_DIR

`start` builds the launcher when its sources changed, starts the server in the background (its own
process group; output in STATE_DIR/neo4j.log, the database in STATE_DIR/home), waits until Bolt
answers a handshake, records it in STATE_DIR/server.json and prints the bolt:// address and the
Browser URL. A server already running for STATE_DIR is reported instead of starting another.
The CLI takes ports 7687/7474 when they are free, else any free port (port 0 asks for any free
port); a port taken between that check and Neo4j's bind gives way to another free one. The CLI
turns authentication on (user neo4j): with the password in CKG_NEO4J_PASSWORD when set (8+ characters),
else with one generated at the first start and kept in STATE_DIR/password, readable by its owner only;
`--no-auth` starts without (as the test suite's throwaway server does).
`--uri-only` prints nothing but the bolt:// address, for scripts.

`import` loads the CSV files that `ckg export --format neo4j-csv -o CSV_DIR` writes into the server's
database with `neo4j-admin database import full` (replacing what it held); the server must be stopped.

From Python (tests load this file by path):
    info = start(Path(tmp))   # ServerInfo(bolt_uri, browser_url, pid, state_dir, ...)
    stop(Path(tmp))           # True when a running server was stopped
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
SOURCES = HERE / "src"
TARGET = HERE / "target"
LAUNCHER_JAR = TARGET / "ckg-neo4j-launcher.jar"
LIB_DIR = TARGET / "lib"
BUILD_STAMP = TARGET / "build.stamp"
JVM_OPTIONS = HERE / "jvm.options"
MAIN_CLASS = "org.conflictkg.neo4j.Launcher"

HOST = "127.0.0.1"
READY_MARK = "CKG-NEO4J READY"
PASSWORD_ENV = "CKG_NEO4J_PASSWORD"
STANDARD_BOLT_PORT = 7687
STANDARD_BROWSER_PORT = 7474
PASSWORD_FILE = "password"
START_TIMEOUT_S = 120.0
START_ATTEMPTS = 3  # starts tried when a port is taken before Neo4j binds it
STOP_TIMEOUT_S = 30.0
INSTALL_HINT = "install them with: apt-get install openjdk-17-jdk-headless maven"


class Neo4jServerError(RuntimeError):
    """The server could not be built, started or stopped; the message says what to do."""


@dataclasses.dataclass(frozen=True)
class ServerInfo:
    bolt_uri: str
    browser_url: str
    pid: int
    state_dir: Path
    bolt_port: int
    browser_port: int
    auth: bool
    log_path: Path

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["state_dir"] = str(self.state_dir)
        data["log_path"] = str(self.log_path)
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ServerInfo:
        data = json.loads(text)
        data["state_dir"] = Path(data["state_dir"])
        data["log_path"] = Path(data["log_path"])
        return cls(**data)


# ---------------------------------------------------------------------------------------------
# Build


def _require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Neo4jServerError(f"`{name}` is not on PATH; the Neo4j server needs Java 17+ and Maven: {INSTALL_HINT}")
    return path


def _java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if match is None:
        raise Neo4jServerError(f"cannot read the version of {java}: {out.stderr.strip()!r}; {INSTALL_HINT}")
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def _source_digest() -> str:
    digest = hashlib.sha256(POM.read_bytes())
    for path in sorted(SOURCES.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(HERE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_built() -> bool:
    """True when target/ holds a launcher built from the current pom.xml and sources."""
    return (
        LAUNCHER_JAR.is_file()
        and LIB_DIR.is_dir()
        and BUILD_STAMP.is_file()
        and BUILD_STAMP.read_text().strip() == _source_digest()
    )


def build() -> None:
    """Build the launcher with Maven unless target/ is already up to date with the sources."""
    java = _require_tool("java")
    if _java_major(java) < 17:
        raise Neo4jServerError(f"{java} is older than Java 17, which Neo4j 5.26 needs; {INSTALL_HINT}")
    if is_built():
        return
    mvn = _require_tool("mvn")
    TARGET.mkdir(exist_ok=True)
    # One build at a time when several processes start servers at once.
    with open(TARGET / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_built():
            return
        if LIB_DIR.is_dir():
            shutil.rmtree(LIB_DIR)  # no stale jars of an older Neo4j on the class path
        result = subprocess.run(
            [mvn, "-q", "-B", "-f", str(POM), "package"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
            raise Neo4jServerError(
                f"Maven could not build the Neo4j launcher (exit {result.returncode}); "
                f"run `mvn -f {POM} package` to see why. Last lines:\n{tail}"
            )
        BUILD_STAMP.write_text(_source_digest() + "\n")


# ---------------------------------------------------------------------------------------------
# Processes and ports


def _is_launcher(pid: int, state_dir: Path) -> bool:
    """True when pid is a live (not zombie) launcher serving state_dir."""
    status = _proc_status(pid)
    if status is None or status.get("State", "").startswith(("Z", "X")):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    home = str(state_dir.resolve() / "home").encode()
    return MAIN_CLASS.encode() in cmdline and home in cmdline


def _reap(pid: int) -> None:
    # Our own children stay zombies until waited for; other processes are not ours to wait on.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port(avoid: set[int] | None = None) -> int:
    """A loopback TCP port that nothing listens on right now."""
    avoid = avoid or set()
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        if port not in avoid:
            return port


def bolt_handshake(port: int, host: str = HOST, timeout: float = 2.0) -> bool:
    """True when a Bolt server on host:port agrees on a protocol version."""
    # Magic preamble, then four proposals: 5.0-5.4, 4.4, and two empty slots.
    request = bytes.fromhex("6060b017") + bytes.fromhex("00040405" + "00000404" + "00000000" * 2)
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(request)
            reply = b""
            while len(reply) < 4:
                chunk = sock.recv(4 - len(reply))
                if not chunk:
                    return False
                reply += chunk
    except OSError:
        return False
    return reply != b"\0\0\0\0"


def _jvm_options() -> list[str]:
    lines = (line.strip() for line in JVM_OPTIONS.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _log_tail(log_path: Path, offset: int, lines: int = 40) -> str:
    try:
        with open(log_path, "rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", "replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


# ---------------------------------------------------------------------------------------------
# Start, stop, status


def status(state_dir: Path) -> ServerInfo | None:
    """The server recorded in state_dir if it is running, else None."""
    record = Path(state_dir) / "server.json"
    try:
        info = ServerInfo.from_json(record.read_text())
    except (OSError, ValueError, TypeError, KeyError):
        return None
    _reap(info.pid)
    return info if _is_launcher(info.pid, Path(state_dir)) else None


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
        if not _port_is_free(port):
            raise _PortTaken(f"port {port} on {HOST} is in use; choose another or leave it unset")
    log_path = state_dir / "neo4j.log"
    offset = log_path.stat().st_size if log_path.exists() else 0
    command = [
        shutil.which("java") or "java",
        f"-Xmx{heap}",
        *_jvm_options(),
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
        tail = _log_tail(log_path, offset)
        if process.poll() is not None:
            if "BindException" in tail or "Address already in use" in tail:
                raise _PortTaken(f"port {bolt_port} or {browser_port} was taken while Neo4j started:\n{tail}")
            raise Neo4jServerError(
                f"Neo4j exited with code {process.returncode} while starting; see {log_path}. Last lines:\n{tail}"
            )
        if READY_MARK in tail and bolt_handshake(bolt_port):
            break
        if time.monotonic() > deadline:
            _terminate(process.pid)
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


def _proc_status(pid: int) -> dict[str, str] | None:
    """Fields of /proc/PID/status (State, PPid, Threads, ...), or None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def _is_gone(pid: int) -> bool:
    _reap(pid)
    status = _proc_status(pid)
    if status is None:
        return True
    # The JVM's main thread may show Z while other threads still run: dead only when none is left.
    dead = status.get("State", "").startswith(("Z", "X")) and status.get("Threads", "1").strip() in ("0", "1")
    # A dead child of ours is reaped on the next call; another parent's zombie is gone for us.
    return dead and status.get("PPid", "").strip() != str(os.getpid())


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _is_gone(pid):
            return True
        time.sleep(0.1)
    return False


def _terminate(pid: int) -> None:
    """SIGTERM the process group (a clean Neo4j shutdown), then SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT_S), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, sig)
        if _wait_gone(pid, wait):
            return
    raise Neo4jServerError(f"Neo4j (pid {pid}) did not end after SIGKILL; check `ps -p {pid}`")


def stop(state_dir: Path) -> bool:
    """Stop the server recorded in state_dir. True if one was running; removes server.json."""
    state_dir = Path(state_dir).resolve()
    record = state_dir / "server.json"
    info = status(state_dir)
    if info is not None:
        _terminate(info.pid)
    record.unlink(missing_ok=True)
    return info is not None


# ---------------------------------------------------------------------------------------------
# Bulk import


IMPORT_ARGS_FILE = "import.args"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"


def import_csv(state_dir: Path, csv_dir: Path, database: str = "neo4j") -> str:
    """Replace the database of a stopped server by the CSV files in csv_dir; returns the importer's report."""
    state_dir = Path(state_dir).resolve()
    if status(state_dir) is not None:
        raise Neo4jServerError(
            f"the server for {state_dir} is running; stop it first (the import replaces its database)")
    args_file = Path(csv_dir) / IMPORT_ARGS_FILE
    try:
        args = [line for line in args_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as exc:
        raise Neo4jServerError(
            f"{args_file}: {exc.strerror}; write the files with `ckg export --format neo4j-csv`") from None
    build()
    home = state_dir / "home"
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").touch()
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    command = [shutil.which("java") or "java", *_jvm_options(), "-cp", f"{LAUNCHER_JAR}{os.pathsep}{LIB_DIR}/*",
               ADMIN_CLASS, "database", "import", "full", database, *args]
    done = subprocess.run(command, env=env, cwd=state_dir, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise Neo4jServerError(f"neo4j-admin database import failed (exit {done.returncode}):\n{tail}")
    return done.stdout[done.stdout.find("IMPORT DONE"):].strip()


# Command line


def stored_password(state_dir: Path) -> str:
    """The password kept in STATE_DIR/password, made at the first call: readable by its owner only."""
    path = Path(state_dir) / PASSWORD_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        os.chmod(path, 0o600)  # whatever a copy or an editor did to it
        password = path.read_text(encoding="utf-8").strip()
        if len(password) < 8:
            raise Neo4jServerError(
                f"{path} holds no password of 8 or more characters; delete it to get a new one") from None
        return password
    password = secrets.token_urlsafe(18)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    return password


def _describe(info: ServerInfo, state: str) -> str:
    password_file = info.state_dir / PASSWORD_FILE
    if not info.auth:
        auth = "no authentication"
    elif os.environ.get(PASSWORD_ENV):
        auth = f"user neo4j, password from ${PASSWORD_ENV}"
    else:
        auth = f"user neo4j, password in {password_file}"
    return (
        f"Neo4j {state} (pid {info.pid}, state in {info.state_dir})\n"
        f"  Bolt:    {info.bolt_uri}   ({auth})\n"
        f"  Browser: {info.browser_url}\n"
        f"  Log:     {info.log_path}\n"
        f"Stop it with: python {os.path.relpath(__file__)} stop --state-dir {info.state_dir}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    start_cmd = commands.add_parser("start", help="start a server (or report the running one)")
    stop_cmd = commands.add_parser("stop", help="stop the server")
    status_cmd = commands.add_parser("status", help="report whether the server runs")
    commands.add_parser("build", help="build the launcher with Maven if needed")
    import_cmd = commands.add_parser("import", help="replace a stopped server's database by CSV files")
    import_cmd.add_argument("csv_dir", type=Path, help="written by ckg export --format neo4j-csv")
    import_cmd.add_argument("--state-dir", type=Path, default=Path(".neo4j"), help="default: .neo4j")
    for cmd in (start_cmd, stop_cmd, status_cmd):
        cmd.add_argument("--state-dir", type=Path, default=Path(".neo4j"), help="default: .neo4j")
    for cmd in (start_cmd, status_cmd):
        cmd.add_argument("--uri-only", action="store_true", help="print only the bolt:// address")
    start_cmd.add_argument(
        "--bolt-port", type=int, help=f"default: {STANDARD_BOLT_PORT} if free, else any free port; 0: any free port"
    )
    start_cmd.add_argument(
        "--browser-port",
        type=int,
        help=f"default: {STANDARD_BROWSER_PORT} if free, else any free port; 0: any free port",
    )
    start_cmd.add_argument("--heap", default="512m", help="JVM heap (-Xmx), default 512m")
    start_cmd.add_argument("--page-cache", default="64m", help="Neo4j page cache, default 64m")
    start_cmd.add_argument("--no-auth", action="store_true",
                           help="no authentication (for a throwaway server on loopback, e.g. the tests')")
    args = parser.parse_args(argv)

    try:
        if args.command == "build":
            build()
            print(f"Neo4j launcher is built in {TARGET}")
            return 0
        if args.command == "import":
            print(import_csv(args.state_dir, args.csv_dir))
            return 0
        if args.command == "stop":
            stopped = stop(args.state_dir)
            print("Neo4j stopped" if stopped else f"no Neo4j server was running for {args.state_dir}")
            return 0
        if args.command == "status":
            info = status(args.state_dir)
            if info is None:
                print(f"no Neo4j server is running for {args.state_dir}", file=sys.stderr)
                return 1
            print(info.bolt_uri if args.uri_only else _describe(info, "running"))
            return 0
        already = status(args.state_dir)
        if already is not None:
            info = already
        else:
            # 0 asks for any free port; unset wishes for the standard one when it is free now (it may
            # be taken before Neo4j binds it: then another free port is used)
            bolt_wish = STANDARD_BOLT_PORT if args.bolt_port is None and _port_is_free(STANDARD_BOLT_PORT) else None
            browser_wish = STANDARD_BROWSER_PORT if args.browser_port is None and args.bolt_port != \
                STANDARD_BROWSER_PORT and _port_is_free(STANDARD_BROWSER_PORT) else None
            info = start(
                args.state_dir,
                args.bolt_port,
                args.browser_port,
                bolt_wish=bolt_wish,
                browser_wish=browser_wish,
                heap=args.heap,
                page_cache=args.page_cache,
                password=None if args.no_auth else os.environ.get(PASSWORD_ENV) or stored_password(args.state_dir),
            )
        state = "already running" if already is not None else "started"
        print(info.bolt_uri if args.uri_only else _describe(info, state))
        return 0
    except Neo4jServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

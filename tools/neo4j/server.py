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
import os
import secrets
import sys
from pathlib import Path

# the modules beside this file (tools/ is no package; tests and benches load this file by path)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from launcher_base import (  # noqa: E402
    PASSWORD_ENV,
    PASSWORD_FILE,
    STANDARD_BOLT_PORT,
    STANDARD_BROWSER_PORT,
    TARGET,
    Neo4jServerError,
    ServerInfo,
)
from launcher_build import build, is_built  # noqa: E402
from launcher_import import import_csv  # noqa: E402
from launcher_ports import bolt_handshake, free_port, port_is_free  # noqa: E402
from launcher_start import start, status, stop  # noqa: E402

__all__ = ["Neo4jServerError", "ServerInfo", "bolt_handshake", "build", "free_port", "import_csv", "is_built",
           "main", "start", "status", "stop", "stored_password"]


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
            bolt_wish = STANDARD_BOLT_PORT if args.bolt_port is None and port_is_free(STANDARD_BOLT_PORT) else None
            browser_wish = STANDARD_BROWSER_PORT if args.browser_port is None and args.bolt_port != \
                STANDARD_BROWSER_PORT and port_is_free(STANDARD_BROWSER_PORT) else None
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

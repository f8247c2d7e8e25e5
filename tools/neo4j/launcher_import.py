"""Loading CSV files into a stopped server's database with neo4j-admin."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from launcher_base import LAUNCHER_JAR, LIB_DIR, Neo4jServerError, jvm_options
from launcher_build import build
from launcher_start import status

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
    command = [shutil.which("java") or "java", *jvm_options(), "-cp", f"{LAUNCHER_JAR}{os.pathsep}{LIB_DIR}/*",
               ADMIN_CLASS, "database", "import", "full", database, *args]
    done = subprocess.run(command, env=env, cwd=state_dir, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise Neo4jServerError(f"neo4j-admin database import failed (exit {done.returncode}):\n{tail}")
    return done.stdout[done.stdout.find("IMPORT DONE"):].strip()

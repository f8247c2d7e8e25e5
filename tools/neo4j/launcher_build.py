"""Building the launcher (pom.xml and Launcher.java beside it) with Maven, once for its sources."""

from __future__ import annotations

import fcntl
import hashlib
import re
import shutil
import subprocess

from launcher_base import BUILD_STAMP, HERE, INSTALL_HINT, LAUNCHER_JAR, LIB_DIR, POM, SOURCES, TARGET, Neo4jServerError


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Neo4jServerError(f"`{name}` is not on PATH; the Neo4j server needs Java 17+ and Maven: {INSTALL_HINT}")
    return path


def java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if match is None:
        raise Neo4jServerError(f"cannot read the version of {java}: {out.stderr.strip()!r}; {INSTALL_HINT}")
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def source_digest() -> str:
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
        and BUILD_STAMP.read_text().strip() == source_digest()
    )


def build() -> None:
    """Build the launcher with Maven unless target/ is already up to date with the sources."""
    java = require_tool("java")
    if java_major(java) < 17:
        raise Neo4jServerError(f"{java} is older than Java 17, which Neo4j 5.26 needs; {INSTALL_HINT}")
    if is_built():
        return
    mvn = require_tool("mvn")
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
        BUILD_STAMP.write_text(source_digest() + "\n")

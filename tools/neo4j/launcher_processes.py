"""The launcher's process: whether it runs for a state directory, and ending it with its process group."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

from launcher_base import MAIN_CLASS, STOP_TIMEOUT_S, Neo4jServerError


def is_launcher(pid: int, state_dir: Path) -> bool:
    """True when pid is a live (not zombie) launcher serving state_dir."""
    status = proc_status(pid)
    if status is None or status.get("State", "").startswith(("Z", "X")):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    home = str(state_dir.resolve() / "home").encode()
    return MAIN_CLASS.encode() in cmdline and home in cmdline


def reap(pid: int) -> None:
    # Our own children stay zombies until waited for; other processes are not ours to wait on.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def proc_status(pid: int) -> dict[str, str] | None:
    """Fields of /proc/PID/status (State, PPid, Threads, ...), or None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def is_gone(pid: int) -> bool:
    reap(pid)
    status = proc_status(pid)
    if status is None:
        return True
    # The JVM's main thread may show Z while other threads still run: dead only when none is left.
    dead = status.get("State", "").startswith(("Z", "X")) and status.get("Threads", "1").strip() in ("0", "1")
    # A dead child of ours is reaped on the next call; another parent's zombie is gone for us.
    return dead and status.get("PPid", "").strip() != str(os.getpid())


def wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if is_gone(pid):
            return True
        time.sleep(0.1)
    return False


def terminate(pid: int) -> None:
    """SIGTERM the process group (a clean Neo4j shutdown), then SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT_S), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, sig)
        if wait_gone(pid, wait):
            return
    raise Neo4jServerError(f"Neo4j (pid {pid}) did not end after SIGKILL; check `ps -p {pid}`")

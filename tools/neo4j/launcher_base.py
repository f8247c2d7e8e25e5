"""What the Neo4j launcher's modules share: where things are, the server's record, the one error."""

from __future__ import annotations

import dataclasses
import json
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


def jvm_options() -> list[str]:
    lines = (line.strip() for line in JVM_OPTIONS.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]

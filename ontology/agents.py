"""CAMEO agent types (ontology/agents.json): what a composed actor such as ISRMIL, `israel/military`, is made of."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology.errors import GazetteerError
from ontology.vocabulary import ACTOR_TYPES

AGENTS_FILE = Path(__file__).with_name("agents.json")


@dataclass(frozen=True)
class AgentType:
    code: str  # CAMEO agent code: MIL, COP, REB, UAF, CVL ...
    slug: str  # the id part: israel/military
    type: str  # the actor type of the composed actor
    name_en: str
    name_ar: str
    stands_for_state: bool = False  # role nouns that are their state (annotation rule 8), composing nothing


@cache
def agent_types() -> dict[str, AgentType]:
    """Agent types by slug, in file order."""
    raw = json.loads(AGENTS_FILE.read_text(encoding="utf-8"))
    out: dict[str, AgentType] = {}
    for entry in raw["agents"]:
        agent = AgentType(**entry)
        if agent.type not in ACTOR_TYPES:
            raise GazetteerError(f"{AGENTS_FILE}: agent {agent.slug!r}: unknown actor type {agent.type!r}")
        out[agent.slug] = agent
    return out


def agent_for_code(code: str) -> AgentType:
    """The agent type of a CAMEO agent code (the first slug with it), or one named after the code itself."""
    for agent in agent_types().values():
        if agent.code == code:
            return agent
    return AgentType(code, code.lower(), "ArmedGroup" if code.endswith(("MIL", "REB", "INS")) else "SocialGroup",
                     code, code)

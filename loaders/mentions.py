"""Actor mentions: stretches of folded text that stand for one or more actors."""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_KINDS = (
    "latter", "parties", "dual", "pronoun_person", "person_pair", "force_reference", "the_country", "the_city",
    "the_capital", "his_forces", "head_noun", "state_pair", "state_group", "state_count", "attack_reference",
)


@dataclass(frozen=True)
class Mention:
    """A stretch of folded text that stands for one or more actors (several for a group reference)."""

    start: int
    end: int
    actors: tuple[str, ...]
    kind: str
    clitic: str = ""
    count: int | None = None
    # The whole phrase to report when it is wider than the part the relation reader places: a composed
    # agent sits where its nationality word stood ("قوات [تركية]"), so clauses read as they did without it.
    shown: tuple[int, int] | None = None

    @property
    def is_reference(self) -> bool:
        return self.kind in REFERENCE_KINDS

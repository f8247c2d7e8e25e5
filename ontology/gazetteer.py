"""Actor gazetteers: the actors of a conflict and of the world, read from data files.

The world's states and international bodies (``gazetteers/``) always load; a conflict pack (``packs/NAME/``: its
``gazetteer.json`` and the conflict's own reference phrases in ``phrases.json``) loads by choice; a
later file overrides an earlier one actor by actor, so researchers extend or correct them without code.

>>> gaz = Gazetteer.default()
>>> gaz.get("gna").name
'Government of National Accord'
>>> [p.id for p in gaz.holders("LEADS", "turkey", "2019-12-10")]
['erdogan']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ontology.actor_model import (  # noqa: F401  (the gazetteer's records, imported from here by its users)
    POSITION_PREDICATES,
    AgentForms,
    DatedCode,
    GazetteerActor,
    Phrases,
    Position,
    check_query_date,
)
from ontology.errors import GazetteerError
from ontology.gazetteer_files import check_references, read_any, read_phrases

GAZETTEER_DIR = Path(__file__).with_name("gazetteers")
PACK_DIR = Path(__file__).with_name("packs")
# Always loaded, whatever the packs: the world's states, then the international bodies every conflict meets.
WORLD_FILES = (GAZETTEER_DIR / "world.json", GAZETTEER_DIR / "international.json")
DEFAULT_PACKS = ("libya",)




class Gazetteer:
    """Actors by id, merged from one or more gazetteer files and checked as a whole.

    One picklable object: worker processes receive it whole, packs, phrases, agent forms and all."""

    def __init__(self, actors: Mapping[str, GazetteerActor], sides: Sequence[tuple[str, str]] = (),
                 home: str | None = None, phrases: Phrases | None = None, packs: Sequence[str] = (),
                 agent_forms: Sequence[tuple[str, str, str]] = ()) -> None:
        # Read-only: the default gazetteer is shared by every caller in the process.
        self.actors: Mapping[str, GazetteerActor] = MappingProxyType(dict(actors))
        self.sides: tuple[tuple[str, str], ...] = tuple(sides)
        self.home = home  # the conflict's country: what "البلاد" / "the country" means
        self.phrases: Phrases = {lang: dict(kinds) for lang, kinds in (phrases or {}).items()}
        self.packs: tuple[str, ...] = tuple(packs)
        self.agent_forms: AgentForms = tuple(agent_forms)

    def __reduce__(self) -> tuple:
        return (Gazetteer, (dict(self.actors), self.sides, self.home, self.phrases, self.packs, self.agent_forms))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Gazetteer) and self.__reduce__()[1] == other.__reduce__()[1]

    def __hash__(self) -> int:
        return hash((tuple(self.actors), self.sides, self.home, self.packs))

    @classmethod
    def for_packs(cls, packs: Sequence[str] = DEFAULT_PACKS, extra: Sequence[Path] = ()) -> Gazetteer:
        """The world's states, the named conflict packs in order, then the researcher's own files."""
        if tuple(packs) == DEFAULT_PACKS and not extra:
            return _default()
        return _for_packs(tuple(packs), tuple(Path(p) for p in extra))

    def with_actors(self, extra: Mapping[str, GazetteerActor]) -> Gazetteer:
        """This gazetteer plus actors found in one document (composed agents, unknown named actors)."""
        if not extra:
            return self
        view = Gazetteer.__new__(Gazetteer)
        view.actors = MappingProxyType({**self.actors, **extra})
        view.sides, view.home, view.phrases, view.packs = self.sides, self.home, self.phrases, self.packs
        view.agent_forms = self.agent_forms
        return view

    @classmethod
    def load(cls, paths: Sequence[Path], packs: Sequence[str] = ()) -> Gazetteer:
        """Read the files in order; an actor in a later file replaces the one with the same id.

        A pack's phrases.json beside its gazetteer.json brings the conflict's own reference phrases;
        an agent dictionary brings agent forms (the army, the police) rather than actors."""
        merged: dict[str, GazetteerActor] = {}
        origin: dict[str, Path] = {}
        sides: list[tuple[str, str]] = []
        home: str | None = None
        phrases: dict[str, dict[str, tuple[str, ...]]] = {}
        agent_forms: dict[tuple[str, str, str], None] = {}
        for path in paths:
            actors, file_sides, file_home, file_forms = read_any(Path(path))
            agent_forms.update(dict.fromkeys(file_forms))
            home = file_home or home
            for lang, kinds in read_phrases(Path(path).with_name("phrases.json")).items():
                for kind, found in kinds.items():
                    known = phrases.setdefault(lang, {}).get(kind, ())
                    phrases[lang][kind] = tuple(dict.fromkeys(known + found))
            for actor in actors:
                merged[actor.id] = actor
                origin[actor.id] = Path(path)
            sides += [pair for pair in file_sides if pair not in sides]
        check_references(merged, origin)
        for pair in sides:
            unknown = [x for x in pair if x not in merged]
            if unknown:
                raise GazetteerError(f"sides {list(pair)}: unknown actor id {unknown[0]!r}; add it to a gazetteer file")
        if home is not None and home not in merged:
            raise GazetteerError(f"home {home!r}: unknown actor id; add it to a gazetteer file")
        return cls(merged, sides, home, phrases, packs, tuple(agent_forms))

    @classmethod
    def default(cls) -> Gazetteer:
        """The world's states and the default packs; read once per process."""
        return _default()

    def get(self, actor_id: str) -> GazetteerActor:
        try:
            return self.actors[actor_id]
        except KeyError:
            raise GazetteerError(
                f"unknown actor id {actor_id!r}: add it to a gazetteer file or check its spelling"
            ) from None

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[GazetteerActor]:
        return iter(self.actors.values())

    def cameo_of(self, actor_id: str, on: str | None = None) -> str:
        """A CAMEO actor code for every actor: its own (dated ones first), else composed from what it is.

        A state's is its ISO code; a person's that of the body they lead or serve on that date (a head of
        state: ISO + GOV); a body's that of what it belongs to; otherwise the home country's code (``---`` when
        there is none) joined to the agent code of its type."""
        return _cameo_of(self, actor_id, on, 0)

    def holders(self, predicate: str, of: str, on: str | None) -> list[GazetteerActor]:
        """Actors holding a `predicate` position in `of` on the date `on`, in file order."""
        return [actor for actor in self.actors.values() if actor.holds(predicate, of, on)]


# The CAMEO agent code an actor of each type takes when nothing more is known of it.
_TYPE_AGENT = {"Government": "GOV", "ArmedGroup": "REB", "PoliticalBody": "LEG", "Person": "ELI",
               "SocialGroup": "CVL", "Location": "", "State": "", "InternationalOrganization": ""}


def _cameo_of(gazetteer: Gazetteer, actor_id: str, on: str | None, depth: int) -> str:
    actor = gazetteer.actors[actor_id]
    own = actor.cameo_on(on)
    if own:
        return own
    if actor.type == "State" and actor.iso3:
        return actor.iso3
    if actor.type == "InternationalOrganization":
        return "IGO"
    if depth < 3:
        ties = [p.of for p in actor.positions if p.active_on(on)] + list(actor.member_of)
        for tie in ties:
            if tie in gazetteer.actors:
                code = _cameo_of(gazetteer, tie, on, depth + 1)
                led = gazetteer.actors[tie]
                return code + "GOV" if led.type == "State" and actor.type == "Person" else code
    home = gazetteer.actors.get(gazetteer.home) if gazetteer.home else None
    prefix = (home.cameo or home.iso3 or "---") if home is not None else "---"
    return prefix + _TYPE_AGENT.get(actor.type, "")


def available_packs() -> list[str]:
    """The conflict packs shipped in ontology/packs/."""
    return sorted(p.name for p in PACK_DIR.iterdir() if (p / "gazetteer.json").is_file())


NO_PACK = "none"  # --pack none: the world's states alone


def pack_file(name: str) -> Path:
    path = PACK_DIR / name / "gazetteer.json"
    if not path.is_file():
        raise GazetteerError(f"unknown pack {name!r}; use one of {', '.join(available_packs())}, or {NO_PACK!r}")
    return path


@cache
def _for_packs(packs: tuple[str, ...], extra: tuple[Path, ...]) -> Gazetteer:
    packs = tuple(name for name in packs if name != NO_PACK)
    return Gazetteer.load([*WORLD_FILES, *(pack_file(name) for name in packs), *extra], packs)


@cache
def _default() -> Gazetteer:
    return _for_packs(DEFAULT_PACKS, ())

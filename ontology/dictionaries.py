"""CAMEO/PETRARCH actor and agent dictionaries, read as gazetteer data.

The event-data dictionaries (the Phoenix and CAMEO actor files, the agents files, and their Arabic
counterparts) are recognised by their content, whatever the file is called.

Actor dictionaries: one entry per actor, codes on the name line or on lines of their own::

    SOME_GROUP_NAME  [SYRREB]     # a name, words joined by '_' or ' ', and its code
    +ANOTHER_NAME                 # a synonym of the entry above
        [SYRGOV 19950601-19990815]  # a code in force between two dates, both included
        [SYRGOV <950601]            # ... up to a date;  [SYRGOV >990816]: from a date on
        [SYRELI]                    # the code when no dated one applies

Dates are YYYYMMDD or YYMMDD (YY up to 30 is 20YY, as KEDS and TABARI read it).

Agent dictionaries: common nouns that add a role to an actor ("the army" of a state)::

    !PERSON! = MAN, MEN, WOMAN        # a substitution set, used as CONGRESS!PERSON!
    POLICE {} [~COP]                  # {}: no plural; {X}: the plural; none: the regular English one
    HUMAN_RIGHTS_GROUP [NGO~]         # '~' after the code: it goes before the actor's code

Comments: '#', '//' and ';' to the end of the line, and <!-- ... --> (also over several lines).

What the gazetteer cannot hold is skipped, as the comments below say where: PETRARCH's null code [---],
a restriction with no code, a '~' agent code on a named actor, an entry with no code at all, and the
difference between '_' (words side by side) and ' ' (words may come between) in agent phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ontology.dictionary_actors import read_actors
from ontology.dictionary_agents import AgentForm, read_agents
from ontology.dictionary_lines import content_lines, dictionary_kind
from ontology.errors import GazetteerError
from ontology.gazetteer import GazetteerActor

__all__ = ["AgentForm", "DictionaryContents", "read_dictionary"]


@dataclass(frozen=True)
class DictionaryContents:
    """What one dictionary file holds: actors (an actor dictionary) or agent forms (an agent dictionary)."""

    kind: str  # "actors" or "agents"
    actors: tuple[GazetteerActor, ...] = ()
    agent_forms: tuple[AgentForm, ...] = ()


def read_dictionary(path: Path) -> DictionaryContents:
    """Read a CAMEO/PETRARCH actor or agent dictionary; GazetteerError (file:line) on a malformed line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    lines = content_lines(text)
    kind = dictionary_kind(lines)
    if kind is None:
        raise GazetteerError(
            f"{path}: neither a gazetteer JSON file nor a CAMEO/PETRARCH dictionary "
            "(actor lines 'NAME [CODE]', or agent lines 'NOUN [~CODE]')"
        )
    if kind == "agents":
        return DictionaryContents("agents", agent_forms=read_agents(path, lines))
    return DictionaryContents("actors", actors=read_actors(path, lines))

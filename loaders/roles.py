"""What an actor may be in a relation: an agent at all, the body a spokesperson stands for, or a part of
the other party (an actor's own forces and officers are never its targets).
"""

from __future__ import annotations

from loaders.sentence import Argument
from loaders.voice import INANIMATE
from ontology.gazetteer import Gazetteer


class ActorRoles:
    gazetteer: Gazetteer

    def _agent_ok(self, arg: Argument) -> bool:
        if not arg.mention.actors or self._home_place(arg) or arg.mention.kind == "attack_reference":
            return False  # "the strikes" stand for their attacker only as what is condemned
        return not all(self.gazetteer.actors[a].type in INANIMATE for a in arg.mention.actors)

    def _home_place(self, arg: Argument) -> bool:
        """"Libya", "Libyan", "the country": in the conflict's own news its name is where, not who.
        Its forces ("Gaddafi's forces") still act for it."""
        return bool(self.gazetteer.home) and arg.mention.actors == (self.gazetteer.home,) \
            and arg.mention.kind in ("name", "nisba", "capital", "the_country")

    def _affiliated(self, targets: tuple[str, ...], agents: tuple[str, ...]) -> bool:
        """"The congress ... its president, Nouri Abusahmain": a body's own officers are not its targets."""
        for t in targets:
            for a in agents:
                ta, aa = self.gazetteer.actors[t], self.gazetteer.actors[a]
                if any(p.of == a for p in ta.positions) or any(p.of == t for p in aa.positions):
                    return True
                if self._own_part(a, t):
                    return True
        return False

    def _own_part(self, source: str, target: str) -> bool:
        """"Sisi threatened an intervention of the Egyptian army": an actor's own forces are its instrument."""
        def sides(actor_id: str) -> set[str]:
            actor = self.gazetteer.actors[actor_id]
            return {actor_id, *actor.member_of, *(p.of for p in actor.positions)}
        a, b = self.gazetteer.actors[source], self.gazetteer.actors[target]
        if a.known == b.known:
            return False  # gazetteer actors' own ties are read by the rules above
        return bool((set(b.member_of) & sides(source)) or (set(a.member_of) & sides(target)))

    def _stand_in(self, actor_id: str) -> str:
        """A spokesperson, minister or envoy who leads nothing speaks for the body they serve (rule 8)."""
        actor = self.gazetteer.actors[actor_id]
        if actor.type != "Person":
            return actor_id
        led = [self.gazetteer.actors[p.of] for p in actor.positions if p.predicate == "LEADS"]
        if led and all(a.type == "InternationalOrganization" for a in led) and len({a.id for a in led}) == 1:
            return led[0].id  # an envoy heading a UN mission speaks for it (rule 8)
        if led:
            return actor_id
        serves = list(dict.fromkeys(p.of for p in actor.positions if p.predicate == "MEMBER_OF"))
        return serves[0] if len(serves) == 1 else actor_id

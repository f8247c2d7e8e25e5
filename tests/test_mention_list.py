"""An actor's mentions kept in arrays read back as the records they stand for."""

from __future__ import annotations

from dataclasses import replace

from ontology.mention_list import MentionList
from ontology.records import ActorRecord, Mention


def _three() -> MentionList:
    mentions = MentionList()
    mentions.add("the council", 4, 15)
    mentions.add("Council", 40, 47)
    mentions.add("the council", 90, 101)
    return mentions


def test_mentions_read_back_in_order_by_index_slice_and_iteration() -> None:
    mentions = _three()
    assert len(mentions) == 3
    assert mentions[1] == Mention("Council", 40, 47)
    assert mentions[-1] == Mention("the council", 90, 101)
    assert mentions[:2] == [Mention("the council", 4, 15), Mention("Council", 40, 47)]
    assert list(mentions) == [Mention("the council", 4, 15), Mention("Council", 40, 47),
                              Mention("the council", 90, 101)]


def test_reversed_in_place() -> None:
    mentions = _three()
    mentions.reverse()
    assert [m.start for m in mentions] == [90, 40, 4]


def test_equal_to_the_list_it_stands_for_and_so_are_their_records() -> None:
    mentions = _three()
    as_list = list(mentions)
    assert mentions == as_list
    assert as_list == mentions
    assert mentions != as_list[:2]
    assert mentions != [Mention("the council", 4, 15), Mention("Council", 40, 48), Mention("the council", 90, 101)]
    actor = ActorRecord(id="c", name="Council", type="Organization", mentions=mentions)
    assert actor == replace(actor, mentions=as_list)
    assert actor.to_json()["mentions"] == [{"text": "the council", "start": 4, "end": 15},
                                           {"text": "Council", "start": 40, "end": 47},
                                           {"text": "the council", "start": 90, "end": 101}]
    assert repr(MentionList([Mention("x", 1, 2)])) == "[Mention(text='x', start=1, end=2)]"

"""A document's mentions kept in columns read back as the mentions they were made from."""

from __future__ import annotations

import pytest

from loaders.mention_table import MentionTable, TableWriter
from loaders.mentions import Mention

_MENTIONS = [
    Mention(0, 6, ("UN",), "name"),
    Mention(10, 17, ("TR",), "nisba", "w", shown=(8, 17)),
    Mention(20, 28, (), "state_count", "", 3),
    Mention(30, 36, ["TR"], "dual"),  # a resolved reference may hold its actors in a list
    Mention(40, 46, ("TR",), "nisba"),
    Mention(52, 60, ("UN", "TR"), "parties", shown=(47, 60)),
]


def test_reads_back_every_field_by_index_slice_iteration_and_reversal() -> None:
    table = MentionTable(_MENTIONS)
    assert len(table) == 6
    assert list(table) == _MENTIONS
    assert [table[i] for i in range(6)] == _MENTIONS
    assert table[-1] == _MENTIONS[5]
    assert table[1:3] == _MENTIONS[1:3]
    assert list(reversed(table)) == _MENTIONS[::-1]
    assert table[3].actors == ["TR"] and isinstance(table[3].actors, list)
    assert table[4].actors == ("TR",) and isinstance(table[4].actors, tuple)
    assert table[1].clitic == "w" and table[0].clitic == ""
    assert table[2].count == 3 and table[0].count is None
    with pytest.raises(IndexError):
        table[6]


def test_shared_values_are_kept_once_in_first_appearance_order() -> None:
    table = MentionTable(_MENTIONS)
    assert table.actor_tuples() == [("UN",), ("TR",), (), ["TR"], ("UN", "TR")]
    assert table[1].actors is table[4].actors


def test_kinds_asked_for() -> None:
    table = MentionTable(_MENTIONS)
    assert table.has_kind(("dual", "latter"))
    assert not table.has_kind(("latter", "head_noun"))
    assert not MentionTable().has_kind(("name",))


def test_within_gives_those_starting_or_shown_starting_in_the_span() -> None:
    table = MentionTable(_MENTIONS)
    assert table.within(8, 30) == _MENTIONS[1:3]
    assert table.within(9, 30) == _MENTIONS[1:3]  # starts at 10, though shown from 8
    assert table.within(30, 47) == _MENTIONS[3:5]
    # shown from 47 though it starts at 52: given after those that start in the span, in text order
    assert table.within(40, 50) == [_MENTIONS[4], _MENTIONS[5]]
    assert table.within(47, 52) == [_MENTIONS[5]]
    assert table.within(61, 90) == []


def test_extended_table_reads_as_one() -> None:
    table = MentionTable(_MENTIONS[:3])
    table.extend(_MENTIONS[3:])
    assert list(table) == _MENTIONS
    assert table.actor_tuples() == [("UN",), ("TR",), (), ["TR"], ("UN", "TR")]
    assert table.within(40, 50) == [_MENTIONS[4], _MENTIONS[5]]
    assert list(table.since(30)) == _MENTIONS[3:]
    assert list(table.since(61)) == []


def _numbered(count: int) -> list[Mention]:
    return [Mention(10 * i, 10 * i + 5, (f"A{i % 3}",), "name" if i % 2 else "latter") for i in range(count)]


def test_writer_keeps_every_mention_and_the_last_at_hand() -> None:
    written = _numbered(2500)  # enough that most go into columns before the end
    writer = TableWriter(keep=3)
    for mention in written:
        writer.append(mention)
    assert writer.last(3) == written[-3:]
    assert writer.last(1) == written[-1:]
    assert list(writer.since(24_000)) == written[2400:]  # from the columns on through those at hand
    assert list(writer.since(24_991)) == written[2500:]
    assert list(writer.since(0)) == written
    assert list(writer.close()) == written


def test_writer_looks_back_over_those_written_so_far() -> None:
    written = _numbered(1100)
    writer = TableWriter(keep=2)
    for i, mention in enumerate(written):
        writer.append(mention)
        assert writer.last(2) == written[max(0, i - 1) : i + 1]
        if i % 97 == 0:
            assert list(writer.since(10 * i - 15)) == written[max(0, i - 1) : i + 1]
    assert len(writer.close()) == 1100


def test_values_past_the_narrow_columns_widen_them() -> None:
    many = [Mention(i, i + 1, (), f"kind{i}") for i in range(300)]  # more kinds than a byte counts
    far = Mention(2**33, 2**33 + 4, ("UN",), "name", "w")  # an offset past 4 G
    table = MentionTable(many)
    table.extend([far])
    assert list(table) == [*many, far]
    assert table.within(2**33, 2**34) == [far]

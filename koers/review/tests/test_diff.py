"""The word diff the goal page and the report show for a text adjustment."""

from koers.review.diff import word_diff


def ops(old: str, new: str) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in word_diff(old, new)]


def test_changed_words_are_removed_then_added_in_reading_order():
    assert ops("35 TWh in 2030 op land", "35 TWh op land in 2032") == [
        ("same", "35 TWh"), ("removed", "in 2030"), ("same", "op land"), ("added", "in 2032"),
    ]  # fmt: skip


def test_whitespace_alone_is_no_change_and_empty_texts_are_fine():
    assert ops("a  b\nc", "a b c") == [("same", "a b c")]
    assert ops("", "Nieuw doel.") == [("added", "Nieuw doel.")]
    assert ops("Oud doel.", "") == [("removed", "Oud doel.")]

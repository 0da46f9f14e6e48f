"""The in-memory history: back, forward, and a new visit dropping the pages ahead."""

from __future__ import annotations

from app.history import History
from app.model import Address

A, B, C, D = (Address("p", s) for s in "abcd")


def test_back_and_forward_walk_the_visited_pages() -> None:
    history = History()
    for address in (A, B, C):
        history.visit(address)
    assert history.back() == B
    assert history.back() == A
    assert history.back() is None
    assert history.forward() == B
    assert history.current == B


def test_a_new_visit_after_going_back_drops_the_pages_ahead() -> None:
    history = History()
    for address in (A, B, C):
        history.visit(address)
    history.back()
    history.visit(D)
    assert not history.can_go_forward
    assert history.back() == B


def test_the_same_page_twice_counts_once_and_the_oldest_drop_out_at_the_limit() -> None:
    history = History(limit=2)
    history.visit(A)
    history.visit(A)
    assert len(history) == 1
    history.visit(B)
    history.visit(C)
    assert len(history) == 2
    assert history.back() == B
    assert history.back() is None


def test_item_addresses_are_pages_of_their_own() -> None:
    history = History()
    history.visit(Address("p", "a"))
    history.visit(Address("p", "a", 3))
    assert history.back() == Address("p", "a")

"""Temporal awareness (UzZaman & Allen 2011) of entity timelines, as SemEval-2015 Task 4 scores them.

A timeline is a list of entries (rank, date, mention nodes). Its graph: every mention is an event
node, every date with a known year a time node; an event is SIMULTANEOUS with its date, events of one
rank are SIMULTANEOUS, and each rank is BEFORE the next. Rank 0 (not placed) is left out.

Closure: SIMULTANEOUS classes (union-find), then BEFORE between classes, transitively. Reduction:
each class as a star from its representative (its time node if it has one, else its smallest node)
to every other member, and between classes only the BEFORE edges no other path implies, from
representative to representative. Then

    precision = |S⁻ ∩ G⁺| / |S⁻|      recall = |G⁻ ∩ S⁺| / |G⁻|

and the counts are summed over timelines before dividing (micro-average).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Relation = tuple[str, str, str]  # (a, "=" or "<", b); "=" with a < b as strings


@dataclass(frozen=True)
class Entry:
    rank: int
    date: str
    nodes: tuple[str, ...]  # event node ids (matched mentions share ids across system and gold)


def normalise_date(value: str) -> str | None:
    """'2008-06-XX' and '2008-06' are one date; None for a date without a known year."""
    parts = [p for p in value.strip().split("-") if p]
    if not parts or not parts[0].isdigit():
        return None
    while parts and not parts[-1].isdigit():
        parts.pop()
    return "-".join(parts)


@dataclass
class Graph:
    classes: dict[str, str]  # node -> representative of its SIMULTANEOUS class
    members: dict[str, list[str]]  # representative -> its nodes
    before: dict[str, set[str]]  # representative -> representatives directly after it (by rank)


def build_graph(entries: Iterable[Entry]) -> Graph:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            # the representative: a time node if either is one, else the smaller id
            keep, drop = sorted((ra, rb), key=lambda n: (not n.startswith("T:"), n))
            parent[drop] = keep

    by_rank: dict[int, list[str]] = {}
    for entry in entries:
        if entry.rank <= 0 or not entry.nodes:
            continue
        day = normalise_date(entry.date)
        nodes = list(entry.nodes) + ([f"T:{day}"] if day else [])
        group = by_rank.setdefault(entry.rank, [])
        group.extend(nodes)
        for node in nodes:
            root(node)
    for group in by_rank.values():
        for node in group[1:]:
            union(group[0], node)
    classes = {node: root(node) for node in parent}
    members: dict[str, list[str]] = {}
    for node, rep in classes.items():
        members.setdefault(rep, []).append(node)
    before: dict[str, set[str]] = {rep: set() for rep in members}
    ordered = sorted(by_rank)
    for earlier, later in itertools.pairwise(ordered):
        a, b = classes[by_rank[earlier][0]], classes[by_rank[later][0]]
        if a != b:
            before[a].add(b)
    return Graph(classes, members, before)


def _reachable(graph: Graph) -> dict[str, set[str]]:
    reach: dict[str, set[str]] = {}
    for start in graph.before:
        seen: set[str] = set()
        stack = list(graph.before[start])
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(graph.before.get(node, ()))
        seen.discard(start)
        reach[start] = seen
    return reach


def _equal(a: str, b: str) -> Relation:
    return (a, "=", b) if a < b else (b, "=", a)


def closure(graph: Graph) -> set[Relation]:
    relations: set[Relation] = set()
    for nodes in graph.members.values():
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                relations.add(_equal(a, b))
    for start, later in _reachable(graph).items():
        for other in later:
            for a in graph.members[start]:
                for b in graph.members[other]:
                    relations.add((a, "<", b))
    return relations


def reduction(graph: Graph) -> set[Relation]:
    relations: set[Relation] = set()
    for rep, nodes in graph.members.items():
        for node in nodes:
            if node != rep:
                relations.add(_equal(rep, node))
    reach = _reachable(graph)
    for start, after in graph.before.items():
        for other in after:
            implied = any(other in reach[middle] for middle in after if middle != other)
            if not implied:
                relations.add((start, "<", other))
    return relations


@dataclass
class AwarenessCounts:
    system_correct: int = 0  # |S⁻ ∩ G⁺|
    system: int = 0  # |S⁻|
    gold_found: int = 0  # |G⁻ ∩ S⁺|
    gold: int = 0  # |G⁻|

    def add(self, other: AwarenessCounts) -> None:
        self.system_correct += other.system_correct
        self.system += other.system
        self.gold_found += other.gold_found
        self.gold += other.gold

    def scores(self) -> tuple[float, float, float]:
        precision = self.system_correct / self.system if self.system else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def awareness(system: Sequence[Entry], gold: Sequence[Entry]) -> AwarenessCounts:
    """The counts of one timeline pair (system node ids already mapped onto gold ones where matched)."""
    s_graph, g_graph = build_graph(system), build_graph(gold)
    s_reduced, g_reduced = reduction(s_graph), reduction(g_graph)
    s_closed, g_closed = closure(s_graph), closure(g_graph)
    return AwarenessCounts(
        system_correct=len(s_reduced & g_closed),
        system=len(s_reduced),
        gold_found=len(g_reduced & s_closed),
        gold=len(g_reduced),
    )

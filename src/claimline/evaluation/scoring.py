"""Scores shared by the evaluation harnesses."""

from __future__ import annotations


def precision_recall_f1(
    matched_system: int, system: int, gold: int, matched_gold: int | None = None
) -> tuple[float, float, float]:
    """P, R and F1 from match counts.

    `matched_gold` differs from `matched_system` where one system item may cover several gold
    items (relaxed matching); it defaults to the same count.
    """
    matched_gold = matched_system if matched_gold is None else matched_gold
    precision = matched_system / system if system else 0.0
    recall = matched_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1

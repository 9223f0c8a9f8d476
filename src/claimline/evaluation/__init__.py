"""Evaluation harnesses: score claimline against gold annotations (`claimline eval`)."""

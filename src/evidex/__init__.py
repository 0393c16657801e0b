"""Evidex: an evidence-graded reference for peptides, drugs and supplements."""

__version__ = "0.1.0"

"""Openings' Pelican plugin: job postings in, validated pages with JobPosting JSON-LD out."""

from .plugin import register

__all__ = ["register"]

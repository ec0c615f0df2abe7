"""What a rule is: its id, how serious it is, and the explanation HR reads in docs/errors.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error", "warning", or "error or warning" where a setting decides
    summary: str  # what is wrong, in one line
    fix: str  # what to write instead
    example: str = ""  # a correct example, YAML
    why: str = ""  # the reason, e.g. Google's rule


GOOGLE = "Google's job posting structured data guidelines"


def registrar(rules: dict[str, Rule]) -> Callable[..., str]:
    """A family's `rule(...)`: it adds a Rule to the family's `rules` and returns the rule's id,
    which is what a Problem carries."""

    def rule(
        id: str, severity: str, summary: str, fix: str, example: str = "", why: str = ""
    ) -> str:
        rules[id] = Rule(id, severity, summary, fix, example, why)
        return id

    return rule

"""The rules, read once from the data file of each language (`rules/<code>.toml`)."""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"

KINDS = {
    "claim": "Claim",
    "stigma": "Stigma",
    "plain": "Plain language",
    "form": "Form",
    "freshness": "Freshness",
}
CHECKS = {
    "words",
    "phone",
    "link_text",
    "image_alt",
    "heading_order",
    "internal_link",
    "reading_level",
    "long_sentence",
    "medical_review",
    "translation_age",
}


def summary(counts):
    """ "2 claims, 1 stigma": how many findings of each kind, in the kinds' order."""
    return ", ".join(
        f"{counts[kind]} {label.lower()}{'s' if kind == 'claim' and counts[kind] > 1 else ''}"
        for kind, label in KINDS.items()
        if counts.get(kind)
    )


# Rules whose words are skipped inside quoted speech (a blockquote, a q, quotation marks).
SKIP_QUOTES = {"stigma"}


class RuleError(ValueError):
    """A rule in a data file that cannot be used, with the file and rule named."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    language: str
    reason: str
    suggestion: str
    check: str = "words"
    scope: str = "text"
    pattern: re.Pattern | None = None
    unless: re.Pattern | None = None
    unless_linked: bool = False
    flags: tuple = ()
    passes: tuple = ()
    options: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def skips_quotes(self):
        return self.kind in SKIP_QUOTES

    @property
    def kind_label(self):
        return KINDS[self.kind]

    def option(self, name, default=None):
        return self.options.get(name, default)


KNOWN_KEYS = {
    "id",
    "kind",
    "check",
    "scope",
    "pattern",
    "unless",
    "unless_linked",
    "reason",
    "suggestion",
    "flags",
    "passes",
}


def compile_rule(data, language, where):
    try:
        rule_id = data["id"]
        kind, reason, suggestion = data["kind"], data["reason"], data["suggestion"]
    except KeyError as missing:
        raise RuleError(f"{where}: a rule lacks {missing}") from None
    check = data.get("check", "words")
    if kind not in KINDS:
        raise RuleError(f"{where}: rule {rule_id}: kind must be one of {sorted(KINDS)}")
    if check not in CHECKS:
        raise RuleError(f"{where}: rule {rule_id}: check must be one of {sorted(CHECKS)}")
    if check in {"words", "phone"} and "pattern" not in data:
        raise RuleError(f"{where}: rule {rule_id}: a {check} rule needs a pattern")

    def regex(key):
        if key not in data:
            return None
        try:
            return re.compile(data[key], re.IGNORECASE)
        except re.error as error:
            raise RuleError(f"{where}: rule {rule_id}: bad {key}: {error}") from None

    return Rule(
        id=rule_id,
        kind=kind,
        language=language,
        reason=reason,
        suggestion=suggestion,
        check=check,
        scope=data.get("scope", "text"),
        pattern=regex("pattern"),
        unless=regex("unless"),
        unless_linked=bool(data.get("unless_linked", False)),
        flags=tuple(data.get("flags", ())),
        passes=tuple(data.get("passes", ())),
        options={key: value for key, value in data.items() if key not in KNOWN_KEYS},
    )


def load(path):
    with open(path, "rb") as file:
        data = tomllib.load(file)
    language = data.get("language", path.stem)
    rules = [compile_rule(rule, language, path.name) for rule in data.get("rule", [])]
    ids = [rule.id for rule in rules]
    duplicates = {rule_id for rule_id in ids if ids.count(rule_id) > 1}
    if duplicates:
        raise RuleError(f"{path.name}: rule ids used twice: {sorted(duplicates)}")
    return tuple(rules)


@cache
def rules_for(language):
    """The rules of `language` ("en", "es"), in their file's order; none for others."""
    path = RULES_DIR / f"{language}.toml"
    return load(path) if path.exists() else ()


def languages():
    return sorted(path.stem for path in RULES_DIR.glob("*.toml"))

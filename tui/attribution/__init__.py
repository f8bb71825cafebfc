"""The extractor: attributed claims, their sources and chains, from an ``Article``.

    extract_claims(article, rules=None) -> AnnotationSet   # never raises
    load_rules(language, path=None) -> RulePack            # RulesError on a bad pack

Language knowledge lives in ``rules/<language>.yaml``; the engine code knows no word.
"""

from tui.attribution.engine import extract_claims
from tui.attribution.rules import RulePack, RulesError, load_rules

__all__ = ["RulePack", "RulesError", "extract_claims", "load_rules"]

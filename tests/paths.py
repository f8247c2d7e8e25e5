"""Where the test suite finds the shared seed article and its scorer (beside the repository)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "corpus" / "seed"
SEED = SEED_DIR / "gna-aid-request.ar.txt"
SEED_GOLD = SEED_DIR / "gna-aid-request.gold.json"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = REPO / "examples"
CORPUS = REPO / "tests" / "corpus"


def scorer() -> ModuleType:
    """The reference scorer, loaded from ../shared/eval/score.py (it is not a package)."""
    if not SCORER.is_file():
        raise FileNotFoundError(f"{SCORER} is missing: the tests need ../shared beside the repository")
    spec = importlib.util.spec_from_file_location("ckg_reference_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

"""`claimline --help` must not import spaCy or dateparser (it has to be instant)."""

from __future__ import annotations

import subprocess
import sys


def test_help_imports_neither_spacy_nor_dateparser() -> None:
    code = (
        "import sys\n"
        "from claimline.cli import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('spacy', 'dateparser', 'thinc') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stdout

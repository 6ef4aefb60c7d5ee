#!/usr/bin/env python3
"""Sums the counters of every TRX file under a folder and prints 'N passed, N failed, N skipped'.

Exit 1 when no TRX file or no executed test is found, so a CI run that tested nothing does not pass."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = Path(sys.argv[1] if len(sys.argv) > 1 else "TestResults")
passed = failed = skipped = 0
files = sorted(root.rglob("*.trx"))
for trx in files:
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    total = int(counters.get("total", 0))
    executed = int(counters.get("executed", 0))
    skipped += int(counters.get("notExecuted", 0)) or max(0, total - executed)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if files and passed + failed > 0 else 1)

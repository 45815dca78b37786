"""Speed and memory of the pipeline against raw pdfplumber, on the same PDFs, in one run.

    python bench/speed.py raw/ [--repeat 3]

Each measurement runs in a fresh child process, so peak memory (ru_maxrss) is that run's
alone and imports are counted the same way for both sides. The baseline is what a user
would write with pdfplumber: open, then every page's extract_text() and extract_tables().
Reported: median wall seconds and peak RSS per file (a cold process each: the pipeline's
fixed start-up, loading jieba's dictionary and OpenCC, counts in full), then all files in one
process, as a batch runs them, and pipeline/baseline ratios.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def baseline(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def pipeline(path: Path) -> None:
    from pipeline import process

    process(path)


MODES = {"pdfplumber": baseline, "pipeline": pipeline}


def child(mode: str, paths: list[Path]) -> None:
    start = time.perf_counter()
    for path in paths:
        MODES[mode](path)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib}))


def measure(mode: str, paths: list[Path], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child", mode, *map(str, paths)],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return statistics.median(r["seconds"] for r in runs), max(r["peak_mib"] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[Path("raw")])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs="+", metavar="MODE FILE", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], [Path(f) for f in a.child[1:]])
        return 0
    files = sorted(f for p in a.paths for f in (p.rglob("*.pdf") if p.is_dir() else [p]))
    print(f"{'file':45} {'pdfplumber s':>12} {'pipeline s':>11} {'ratio':>6} {'pdfplumber MiB':>15} "
          f"{'pipeline MiB':>13} {'ratio':>6}")
    totals = {"pdfplumber": [0.0, 0.0], "pipeline": [0.0, 0.0]}
    for f in files:
        (bs, bm), (ps, pm) = measure("pdfplumber", [f], a.repeat), measure("pipeline", [f], a.repeat)
        for key, (s, m) in (("pdfplumber", (bs, bm)), ("pipeline", (ps, pm))):
            totals[key][0] += s
            totals[key][1] = max(totals[key][1], m)
        print(f"{f.name[:45]:45} {bs:12.2f} {ps:11.2f} {ps / bs:6.2f} {bm:15.0f} {pm:13.0f} {pm / bm:6.2f}")
    (bs, bm), (ps, pm) = totals["pdfplumber"], totals["pipeline"]
    print(f"{'all, a process each (time summed, memory max)':45} {bs:12.2f} {ps:11.2f} {ps / bs:6.2f} "
          f"{bm:15.0f} {pm:13.0f} {pm / bm:6.2f}")
    (bs, bm), (ps, pm) = measure("pdfplumber", files, a.repeat), measure("pipeline", files, a.repeat)
    print(f"{'all in one process (a batch)':45} {bs:12.2f} {ps:11.2f} {ps / bs:6.2f} {bm:15.0f} {pm:13.0f} "
          f"{pm / bm:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

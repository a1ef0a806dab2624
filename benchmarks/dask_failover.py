"""A Dask worker killed mid-run: the run still completes with every record, identical to a
local run (Dask reruns the partitions the dead worker held).

    python benchmarks/dask_failover.py [--shared ../shared] [--copies 10]
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def workers_of(pid: int) -> list[int]:
    """Dask worker processes below `pid` (the nanny's children run `distributed`)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "multiprocessing" in cmd and _descends(int(entry.name), pid):
            found.append(int(entry.name))
    return found


def _descends(pid: int, ancestor: int) -> bool:
    while pid > 1:
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().split()[3])
        except OSError:
            return False
        if pid == ancestor:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    raw = Path(args.shared) / "dev" / "raw"
    with tempfile.TemporaryDirectory(prefix="mch-failover-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for k in range(args.copies):
            for p in sorted(raw.glob("*.txt")):
                shutil.copyfile(p, corpus / f"{k:03d}_{p.name}")
        base = [sys.executable, "-m", "mch_cli", "clean", str(corpus), "-f", "jsonl"]
        local = subprocess.run(base + ["-j", "1"], capture_output=True, check=True).stdout
        run = subprocess.Popen(base + ["--engine", "dask", "-j", "2", "-o", f"{tmp}/dask.jsonl"],
                               stderr=subprocess.PIPE)
        killed = None
        deadline = time.time() + 60
        while killed is None and time.time() < deadline and run.poll() is None:
            time.sleep(0.5)
            victims = workers_of(run.pid)
            if len(victims) >= 2:
                time.sleep(1.5)  # let it work a little
                killed = victims[0]
                os.kill(killed, signal.SIGKILL)
        code = run.wait(timeout=300)
        same = Path(f"{tmp}/dask.jsonl").read_bytes() == local if code == 0 else False
        print(f"pages: {len(local.splitlines())}; killed worker: {killed}; exit: {code}; "
              f"records identical to the local run: {same}")
        return 0 if code == 0 and same and killed else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs a command and reports its peak memory, two ways, without cgroups:

    peak_rss.py OUT_FILE CMD ARGS...

OUT_FILE gets one line "LARGEST_KIB TREE_KIB TREE_PSS_KIB":
  LARGEST_KIB  the largest single process of the tree (wait4's ru_maxrss, what
               /usr/bin/time -v prints as "Maximum resident set size"): exact;
  TREE_KIB     the peak of the sum of VmRSS over the whole process tree, sampled
               every 20 ms through /proc/PID/task/TID/children: what -j processes
               hold at the same time (a spike shorter than 20 ms can be missed;
               shared pages are counted once per process, for both tools alike;
               a child that still shares its parent's address space, as a
               posix_spawn child does until it executes, is the parent's
               memory and is not counted again: kcmp(2) KCMP_VM tells);
  TREE_PSS_KIB the peak of the sum of Pss (/proc/PID/smaps_rollup) over the same
               processes, sampled with it: a page shared by several processes
               (the compiler's libraries, mapped by every compile) is divided
               among them instead of counted in full by each.
The command's exit status is this script's.
"""

import ctypes
import os
import platform
import subprocess
import sys
import threading

INTERVAL_S = 0.02
SYS_KCMP = {"x86_64": 312, "aarch64": 272}.get(platform.machine())
KCMP_VM = 1
LIBC = ctypes.CDLL(None, use_errno=True)


def children(pid):
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found.extend(int(c) for c in f.read().split())
    except OSError:
        pass  # gone between two reads
    return found


def proc_kib(pid, file, field):
    """A "FIELD: N kB" line of /proc/PID/FILE, in KiB; 0 once the process is gone."""
    try:
        with open(f"/proc/{pid}/{file}") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def shares_address_space(pid, parent):
    return SYS_KCMP is not None and LIBC.syscall(SYS_KCMP, pid, parent, KCMP_VM, 0, 0) == 0


def tree_memory(root):
    """(sum of VmRSS, sum of Pss) over the tree, in KiB."""
    rss, pss, pending = 0, 0, [(root, None)]
    while pending:
        pid, parent = pending.pop()
        if parent is None or not shares_address_space(pid, parent):
            rss += proc_kib(pid, "status", "VmRSS")
            pss += proc_kib(pid, "smaps_rollup", "Pss")
        pending.extend((child, pid) for child in children(pid))
    return rss, pss


def main():
    out_file, command = sys.argv[1], sys.argv[2:]
    process = subprocess.Popen(command)
    peak = [0, 0]
    done = threading.Event()

    def sample():
        while not done.wait(INTERVAL_S):
            rss, pss = tree_memory(process.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    with open(out_file, "w") as f:
        f.write(f"{usage.ru_maxrss} {max(peak[0], usage.ru_maxrss)} {peak[1]}\n")
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()

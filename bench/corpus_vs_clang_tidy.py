#!/usr/bin/env python3
"""clang-tidy-19's closest checks on the analyzer corpus, scored against its labels.

Each check is mapped to the sls rule whose hazard it comes closest to; a clang-tidy warning counts
as a true positive when the corpus labels that rule at that file and line, as the corpus scorer
(tests/analyzers/corpus_score.cpp) counts sls's findings. Prints a Markdown table for docs/lint.md.

Usage: bench/corpus_vs_clang_tidy.py [CLANG_TIDY]   (default clang-tidy-19)
"""
import collections
import pathlib
import re
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests/analyzers/corpus"

# clang-tidy check -> the sls rule it stands in for. Checks with no counterpart are left out.
CHECK_TO_RULE = {
    "cppcoreguidelines-avoid-non-const-global-variables": "sls-global-mutable-state",
    "cert-msc50-cpp": "sls-userspace-prng",
    "cert-msc30-c": "sls-userspace-prng",
    "cert-msc51-cpp": "sls-init-unique-value",
    "cert-msc32-c": "sls-init-unique-value",
}
WARNING = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):\d+: warning: .* \[(?P<checks>[^\]]+)\]$")


def read_labels():
    labels = set()
    for line in (CORPUS / "labels.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        where, rule = line.split()[:2]
        path, number = where.rsplit(":", 1)
        labels.add((path, int(number), rule))
    return labels


def tidy_findings(tidy, source):
    language = ["-std=c17"] if source.suffix == ".c" else ["-std=c++20"]
    flags = language + ["-I", str(CORPUS / "include"), "-I", str(REPO / "sdk/include")]
    checks = "-*," + ",".join(CHECK_TO_RULE)
    run = subprocess.run([tidy, f"-checks={checks}", "--quiet", str(source), "--", *flags],
                         capture_output=True, text=True, timeout=300)
    found = set()
    for line in run.stdout.splitlines():
        match = WARNING.match(line)
        if not match or pathlib.Path(match["path"]).resolve() != source.resolve():
            continue
        for check in match["checks"].split(","):
            if check in CHECK_TO_RULE:
                relative = str(source.relative_to(CORPUS))
                found.add((relative, int(match["line"]), CHECK_TO_RULE[check]))
    return found


def main():
    tidy = sys.argv[1] if len(sys.argv) > 1 else "clang-tidy-19"
    labels = read_labels()
    sources = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".c", ".cpp") and "include" not in p.parts)
    findings = set()
    for source in sources:
        findings |= tidy_findings(tidy, source)
    print(f"clang-tidy ({tidy}) on {len(sources)} corpus files\n")
    print("| sls rule | clang-tidy check(s) | labels | tidy findings | precision | recall |")
    print("| --- | --- | --- | --- | --- | --- |")
    by_rule = collections.defaultdict(list)
    for check, rule in CHECK_TO_RULE.items():
        by_rule[rule].append(check)
    for rule, checks in sorted(by_rule.items()):
        expected = {l for l in labels if l[2] == rule}
        reported = {f for f in findings if f[2] == rule}
        hits = len(expected & reported)
        precision = f"{hits / len(reported):.2f}" if reported else "–"
        recall = f"{hits / len(expected):.2f}" if expected else "–"
        print(f"| `{rule}` | {', '.join(f'`{c}`' for c in checks)} | {len(expected)} | {len(reported)} "
              f"| {precision} | {recall} |")
    covered = {l for l in labels if l[2] in by_rule.keys()}
    hits = len(covered & findings)
    print(f"\nAll {len(labels)} labels: clang-tidy finds {len(labels & findings)} "
          f"({len(labels & findings) / len(labels):.2f} recall); it has no check for the other rules.")
    print(f"Findings: {len(findings)}, of which {hits} match a label "
          f"({hits / len(findings):.2f} precision)." if findings else "Findings: none.")


if __name__ == "__main__":
    main()

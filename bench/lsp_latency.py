#!/usr/bin/env python3
"""First-diagnostics latency of `sls lsp` (issue 18): how long after didOpen
the first publishDiagnostics of a file of an example arrives, for the first
file a server sees (engine load + parse) and for a second file of the same
project on the same server (engine reused), and after an edit (debounce
included). Prints figures; not a test.

With --built, `sls build` runs on the copy first, so the server parses from
the precompiled prelude that build left (docs/editors.md#how-fast).

usage: bench/lsp_latency.py [--sls build/sls] [--example examples/quickstart] [--runs 3] [--built]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, threading, time


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


class Client:
    """A scripted LSP client over the server's stdio."""

    def __init__(self, argv, cwd, env):
        self.proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages, self.cond = [], threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(out.read(length))
            with self.cond:
                self.messages.append((time.monotonic(), message))
                self.cond.notify_all()

    def send(self, message):
        self.proc.stdin.write(frame(message))
        self.proc.stdin.flush()

    def wait_publish(self, uri, since, timeout=60):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for at, message in self.messages:
                    if at >= since and message.get("method") == "textDocument/publishDiagnostics" \
                            and message["params"]["uri"] == uri:
                        return at - since
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no diagnostics for " + uri)
                self.cond.wait(left)

    def close(self):
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        self.send({"jsonrpc": "2.0", "method": "exit"})
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def uri(path):
    return "file://" + path


def one_run(sls, project, files, cache):
    env = dict(os.environ, SLS_CACHE_DIR=cache)
    client = Client([sls, "lsp"], project, env)
    client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"processId": None, "rootUri": uri(project), "capabilities": {}}})
    figures = []
    for name in files:
        path = os.path.join(project, name)
        text = open(path).read()
        start = time.monotonic()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": {"textDocument": {"uri": uri(path), "languageId": "cpp", "version": 1, "text": text}}})
        figures.append(client.wait_publish(uri(path), start))
    path = os.path.join(project, files[0])
    start = time.monotonic()
    client.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": uri(path), "version": 2},
                            "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                                          "end": {"line": 0, "character": 0}}, "text": "// x\n"}]}})
    figures.append(client.wait_publish(uri(path), start))
    client.close()
    return figures


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--sls", default=os.path.join(here, "..", "build", "sls"))
    parser.add_argument("--example", default=os.path.join(here, "..", "examples", "quickstart"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--built", action="store_true", help="run sls build on the project first")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="sls-lsp-bench-")
    try:
        project = os.path.join(work, "project")
        shutil.copytree(args.example, project, ignore=shutil.ignore_patterns(".sls"))
        files = sorted("api/" + f for f in os.listdir(os.path.join(project, "api")) if f.endswith(".cpp"))[:2]
        cache = os.path.join(work, "cache")
        if args.built:
            subprocess.run([os.path.abspath(args.sls), "build"], cwd=project, env=dict(os.environ, SLS_CACHE_DIR=cache),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=600)
        rows = [one_run(os.path.abspath(args.sls), project, files, cache) for _ in range(args.runs)]
        labels = ["first file (server start, engine load, parse): " + files[0],
                  "second file, same server: " + files[1], "edit of the first file (300 ms debounce included)"]
        print("sls lsp first-diagnostics latency, %s, median of %d runs (seconds)"
              % ("after sls build" if args.built else "no build yet", args.runs))
        for i, label in enumerate(labels):
            column = [row[i] for row in rows]
            print("  %-70s %.3f  (min %.3f, max %.3f)" % (label, statistics.median(column), min(column), max(column)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

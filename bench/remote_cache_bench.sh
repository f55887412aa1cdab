#!/usr/bin/env bash
# Cold sls build with and without a remote cache (SLS_REMOTE_CACHE) on a real
# nginx, to show what uploading costs, and the build of a second machine that
# restores everything from it. Not a test: it prints figures. See bench/README.md.
#
# Usage: bench/remote_cache_bench.sh [--sls PATH] [--functions N] [--runs K] [--jobs J] [--write-doc FILE]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sls="$repo/build/sls"
functions=20
runs=3
jobs=$(nproc)
write_doc=""

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sls) sls=$2; shift 2 ;;
    --functions) functions=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs|-j) jobs=$2; shift 2 ;;
    --write-doc) write_doc=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "remote_cache_bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$functions$runs$jobs" in *[!0-9]*) echo "remote_cache_bench.sh: numbers only" >&2; exit 2 ;; esac
sls=$(cd "$(dirname "$sls")" && pwd)/$(basename "$sls")
[ -x "$sls" ] || { echo "remote_cache_bench.sh: no sls binary at $sls (pass --sls PATH)" >&2; exit 2; }
share=${SLS_SHARE_DIR:-$(dirname "$sls")/share/sls}
for tool in nginx python3; do
  command -v "$tool" >/dev/null || { echo "remote_cache_bench.sh: $tool is not installed" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sls-remote-bench.XXXXXX")
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export SOURCE_DATE_EPOCH=315532800

python3 "$repo/bench/make_project.py" --functions "$functions" --project "$tmp/project" --share "$share" \
  --baseline "$tmp/baseline" >/dev/null

# nginx as docs/configuration.md sets it up, everything inside $tmp.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$tmp/nginx/data"
cat > "$tmp/nginx/nginx.conf" <<CONF
master_process off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/client_body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$port;
    location / {
      root $tmp/nginx/data;
      dav_methods PUT;
      create_full_put_path on;
      client_max_body_size 0;
    }
  }
}
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.1)" 2>/dev/null && break
  sleep 0.05
done

# One build from nothing (no .sls/, empty local cache); prints its seconds.
timed_build() {
  local remote=$1
  rm -rf "$tmp/project/.sls" "$tmp/cache"
  local start end
  start=$(date +%s.%N)
  SLS_CACHE_DIR=$tmp/cache SLS_REMOTE_CACHE=$remote "$sls" build --json -j "$jobs" "$tmp/project" > "$tmp/last.json" \
    || { echo "remote_cache_bench.sh: sls build failed" >&2; cat "$tmp/last.json" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
steps() { python3 -c "import json; s=json.load(open('$tmp/last.json'))['steps']; print(f\"{s['compiled']}c/{s['runtime_compiled']}g/{s['linked']}l\")"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
without=() with=() restored=()
for run in $(seq "$runs"); do
  without+=("$(timed_build "")"); steps_without=$(steps)
  rm -rf "$tmp/nginx/data"; mkdir -p "$tmp/nginx/data"  # an empty remote: every result is uploaded
  with+=("$(timed_build "http://127.0.0.1:$port")"); steps_with=$(steps)
  restored+=("$(timed_build "http://127.0.0.1:$port")"); steps_restored=$(steps)
  echo "run $run: without ${without[-1]} s, with uploads ${with[-1]} s, restored ${restored[-1]} s" >&2
done
m_without=$(median "${without[@]}") m_with=$(median "${with[@]}") m_restored=$(median "${restored[@]}")
ratio=$(python3 -c "print(f'{$m_with / $m_without:.2f}')")

figures=$(cat <<TABLE
- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores; load average before: $load_start, after: $(cut -d' ' -f1-3 /proc/loadavg)
- project: $functions functions (bench/make_project.py), $runs run(s) per case (median), -j $jobs; nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') on 127.0.0.1
- sls: $("$sls" --version 2>/dev/null | head -1); steps are compiled/glue compiled/linked

| case | wall time | steps | against the cold build |
| --- | ---: | --- | ---: |
| cold build, no remote cache | $m_without s | $steps_without | 1.00x |
| cold build, uploading to an empty nginx | $m_with s | $steps_with | ${ratio}x |
| another machine (empty local cache), everything from nginx | $m_restored s | $steps_restored | $(python3 -c "print(f'{$m_restored / $m_without:.2f}')")x |
TABLE
)
echo "$figures"
if [ -n "$write_doc" ]; then
  python3 - "$write_doc" "$figures" <<'PY'
import re, sys
path, figures = sys.argv[1], sys.argv[2]
text = open(path).read()
block = "<!-- remote-bench:begin -->\n" + figures + "\n<!-- remote-bench:end -->"
if "<!-- remote-bench:begin -->" not in text:
    sys.exit(f"{path} has no <!-- remote-bench:begin --> marker")
text = re.sub(r"<!-- remote-bench:begin -->.*?<!-- remote-bench:end -->", lambda _: block, text, flags=re.S)
open(path, "w").write(text)
PY
fi

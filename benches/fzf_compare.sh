#!/usr/bin/env bash
# Side by side with fzf: times `jobdeck search QUERY DIR --limit 50` (warm parse cache) against
# `fzf --filter QUERY` over the same postings' headlines (title | company | locations | skills),
# for queries of 1 to 16 characters, and prints the ratio. The goal: jobdeck at most half of
# fzf's time on every query.
#
# Usage: benches/fzf_compare.sh [DIR] [--count N] [--runs R]
#   DIR        a folder of postings; default target/bench-corpus-100k (target/bench-corpus-N
#              with --count N), generated with `examples/gen_corpus.rs` when missing
#   --count N  postings to generate when DIR is missing (default 100000)
#   --runs R   timed runs per command; the median is reported (default 5)
#
# The parse cache is jobdeck's usual one ($JOBDECK_CACHE_DIR, else $XDG_CACHE_HOME/jobdeck or
# ~/.cache/jobdeck); the `jobdeck parse` run that writes the headlines also warms it.
set -euo pipefail

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

DIR=""
COUNT=100000
RUNS=5
while [ $# -gt 0 ]; do
    case "$1" in
        --count) COUNT="${2:?--count needs a number}"; shift 2 ;;
        --count=*) COUNT="${1#*=}"; shift ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) [ -z "$DIR" ] || { echo "only one DIR, please" >&2; exit 2; }; DIR="$1"; shift ;;
    esac
done
case "$COUNT$RUNS" in *[!0-9]*) echo "--count and --runs take whole numbers" >&2; exit 2 ;; esac
[ "$RUNS" -ge 1 ] || { echo "--runs must be at least 1" >&2; exit 2; }
if [ -z "$DIR" ]; then
    if [ "$COUNT" = 100000 ]; then DIR=target/bench-corpus-100k; else DIR="target/bench-corpus-$COUNT"; fi
fi

command -v python3 >/dev/null || { echo "python3 is needed (headlines, timing)" >&2; exit 1; }

echo "== building jobdeck (release)" >&2
cargo build --release --quiet --bin jobdeck
JOBDECK="$ROOT/target/release/jobdeck"

if [ ! -d "$DIR" ]; then
    echo "== generating $COUNT postings into $DIR" >&2
    cargo build --release --quiet --example gen_corpus
    "$ROOT/target/release/examples/gen_corpus" --count "$COUNT" --out "$DIR"
fi

# fzf: install it when we can, else time jobdeck alone.
FZF=""
if command -v fzf >/dev/null; then
    FZF="$(command -v fzf)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing fzf (apt-get)" >&2
    if apt-get install -y -qq fzf >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq fzf >/dev/null 2>&1; }; then
        FZF="$(command -v fzf || true)"
    fi
fi
if [ -z "$FZF" ]; then
    echo "!! fzf is not installed and could not be installed here (needs root and apt-get:" >&2
    echo "!! 'apt-get install fzf'); timing jobdeck alone, no ratios." >&2
fi

# Headlines, one per posting, from jobdeck's own parse (which also warms the parse cache).
HEADLINES="${DIR%/}.headlines.txt"
echo "== parsing $DIR (warms the parse cache) and writing $HEADLINES" >&2
PARSE_START=$(date +%s.%N)
"$JOBDECK" parse "$DIR" 2>/dev/null | python3 -c '
import json, sys
out = sys.stdout
for p in json.load(sys.stdin):
    fields = [
        p.get("title") or "",
        p.get("company") or "",
        "; ".join(p.get("locations") or []),
        ", ".join(p.get("skills") or []),
    ]
    out.write(" | ".join(f.replace("\n", " ") for f in fields) + "\n")
' > "$HEADLINES"
PARSE_END=$(date +%s.%N)
LINES=$(wc -l < "$HEADLINES")
echo "== $LINES headlines; parse took $(python3 -c "print(f'{$PARSE_END - $PARSE_START:.1f}')") s" >&2

QUERIES=(
    "s" "se" "eng" "rust" "senio" "python" "backend" "data sci" "staff eng" "kubernetes"
    "berlin rust" "react london" "machine learn" "senior backend" "remote engineer"
    "principal design"
)

# Median wall time in ms of R runs of a command (stdin from $2 unless "-"), after one warm-up.
TIMER='
import statistics, subprocess, sys, time
runs, stdin_path, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
def once():
    stdin = open(stdin_path, "rb") if stdin_path != "-" else subprocess.DEVNULL
    t = time.perf_counter()
    subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000
once()
print(f"{statistics.median(once() for _ in range(runs)):.1f}")
'
HYPERFINE="$(command -v hyperfine || true)"
median_ms() { # stdin_file cmd...
    local stdin_file="$1"; shift
    if [ -n "$HYPERFINE" ]; then
        local json cmd
        json="$(mktemp)"
        cmd="$(printf '%q ' "$@")"
        [ "$stdin_file" = - ] || cmd="$cmd < $(printf '%q' "$stdin_file")"
        "$HYPERFINE" --style none --warmup 1 --runs "$RUNS" --export-json "$json" "$cmd > /dev/null" >/dev/null 2>&1
        python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"] * 1000))' "$json"
        rm -f "$json"
    else
        python3 -c "$TIMER" "$RUNS" "$stdin_file" "$@"
    fi
}

echo
TIMER_NAME=python3
[ -z "$HYPERFINE" ] || TIMER_NAME=hyperfine
FZF_VERSION="not installed"
[ -z "$FZF" ] || FZF_VERSION="$("$FZF" --version | cut -d' ' -f1)"
echo "corpus: $DIR ($LINES postings), runs: $RUNS (median), timer: $TIMER_NAME"
echo "$("$JOBDECK" --version 2>/dev/null || echo "jobdeck ?"), fzf $FZF_VERSION"
echo
printf '%-18s %4s %12s %10s %7s\n' query len "jobdeck ms" "fzf ms" ratio
ALL_OK=yes
for q in "${QUERIES[@]}"; do
    jd=$(median_ms - "$JOBDECK" search "$q" "$DIR" --limit 50 --json)
    if [ -n "$FZF" ]; then
        fz=$(median_ms "$HEADLINES" "$FZF" --filter "$q")
        ratio=$(python3 -c "print(f'{$jd / max($fz, 0.001):.2f}')")
        python3 -c "import sys; sys.exit(0 if $jd <= 0.5 * $fz else 1)" || ALL_OK=no
    else
        fz="-"; ratio="-"
    fi
    printf '%-18s %4d %12s %10s %7s\n' "\"$q\"" "${#q}" "$jd" "$fz" "$ratio"
done
echo
if [ -n "$FZF" ]; then
    echo "every ratio ≤ 0.5: $ALL_OK"
else
    echo "every ratio ≤ 0.5: no (fzf not available, nothing compared)"
fi

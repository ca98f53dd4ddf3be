#!/usr/bin/env bash
# Times tqa against translate-toolkit's pofilter on the same PO file: the
# 29,153 Tatoeba Chinese-English pairs of ../shared/data/tatoeba_cmn_eng.tsv
# as one PO file (written by bench/mkpo). Both run pinned to one core
# (taskset -c 0, GOMAXPROCS=1), alternating, RUNS times each; the script
# prints the median wall time, CPU time (user + system) and peak RSS of
# each, and their ratio. tqa runs every check with a JSON report.
#
# Needs: apt-get install -y translate-toolkit util-linux (python3 comes with
# translate-toolkit)
#
#	bash bench/pofilter.sh            # 5 runs each
#	RUNS=9 bash bench/pofilter.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SHARED=${SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v pofilter >/dev/null || { echo "pofilter not found: apt-get install -y translate-toolkit" >&2; exit 1; }
go build -o "$work/tqa" ./cmd/tqa
go run ./bench/mkpo -shared "$SHARED" -o "$work/tatoeba.po"
ls -l "$work/tatoeba.po" | awk '{printf "PO file: %d bytes, ", $5}'
grep -c '^msgid' "$work/tatoeba.po" | awk '{print $1-1 " messages"}'

# measure NAME CMD...: appends "wall cpu rss_kb" to $work/res.NAME. CPU
# time (user + system) and peak RSS are the child's own resource usage
# (wait4), in microseconds: GNU time prints hundredths of a second, 8% of
# tqa's time here. python3 comes with pofilter.
measure() {
	local name=$1; shift
	python3 - taskset -c 0 env GOMAXPROCS=1 "$@" >> "$work/res.$name" <<-'PY'
		import os, sys, time
		null = [(os.POSIX_SPAWN_OPEN, fd, "/dev/null", os.O_RDWR, 0) for fd in (0, 1, 2)]
		t = time.monotonic()
		pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=null)
		_, status, r = os.wait4(pid, 0)
		print("%.3f %.4f %d" % (time.monotonic() - t, r.ru_utime + r.ru_stime, r.ru_maxrss))
	PY
}
for i in $(seq "$RUNS"); do
	measure tqa "$work/tqa" check --format json --fail-on never "$work/tatoeba.po"
	measure pofilter pofilter "$work/tatoeba.po" "$work/out.po"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
report() {
	local name=$1
	printf '%-9s wall %6.3f s  cpu %6.3f s  rss %4d MB\n' "$name" \
		"$(cut -d' ' -f1 "$work/res.$name" | median)" "$(cut -d' ' -f2 "$work/res.$name" | median)" \
		"$(($(cut -d' ' -f3 "$work/res.$name" | median | cut -d. -f1) / 1024))"
}
report tqa
report pofilter
awk -v a="$(cut -d' ' -f1 "$work/res.pofilter" | median)" -v b="$(cut -d' ' -f1 "$work/res.tqa" | median)" \
	-v c="$(cut -d' ' -f2 "$work/res.pofilter" | median)" -v d="$(cut -d' ' -f2 "$work/res.tqa" | median)" \
	'BEGIN {printf "tqa is %.1fx faster by wall time, %.1fx by CPU time\n", a/b, c/d}'

#!/usr/bin/env python3
"""The explorer under a user's and a crowd's load, timed from outside the server.

    python3 bench/explorer.py [--sessions 20] [--quarters 40] [--engine orleans] [--settle 60]
    python3 bench/explorer.py --branch-only [--repeat 5]
    python3 bench/explorer.py --memory-only --rounds 3 [--sessions 20] [--quarters 20] [--settle 5] [--collect last]

Builds nothing: run `dotnet build client/EcoSim.Client -c Release` first. Starts `ecosim serve` on a
free port and measures: the time from start to the address printed, from a new run to its first
quarter, the quarters per second of one full baseline (75,000 firms, 108 quarters), the same with the
Orleans Dashboard open (its page polls the server every second; embedded silo only), the issue's
"done when" flow on the full baseline (the one-third floor from 2025Q1, run to 2030, a branch there
with twice the talent weight, both run to 2050Q4 and compared, the branch downloaded and checked with
`ecosim reproduce`), then SESSIONS browser sessions each playing the baseline at once for QUARTERS
quarters: quarters per second of each, the fairness between them (slowest over fastest) and the
server's resident memory before, at the end and for SETTLE seconds after every run is deleted.
Prints one line per measure. With --branch-only it measures only "branch here" at 2030Q1 on the
baseline (REPEAT branches of one parent, each deleted before the next) and the baseline's quarters per
second, then stops. With --memory-only it skips the dashboard and the flow and plays ROUNDS rounds of
SESSIONS runs, each deleted before the next, forcing a full collection after every round (--collect
every: what is still held) or only after the last (--collect last: what the server keeps on its own).
With --cluster (and --cluster-credentials) the server is a client of a running cluster
(scripts/cluster.sh), whose silos run the runs, as `ecosim serve --cluster` does.
Settings of the runtime (DOTNET_GCConserveMemory, DOTNET_gcServer, MALLOC_ARENA_MAX, ...) given in the
environment reach the server.
"""
import argparse
import io
import json
import os
import socket
import subprocess
import threading
import time
import sys
import tempfile
import urllib.request
import zipfile

# The documented client's session (the server's id sent back on every call), not a copy of it.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "docs"))
from explorer_client import Explorer as Session  # noqa: E402

ECOSIM = os.path.join(os.path.dirname(__file__), "..", "client", "EcoSim.Client", "bin", "Release", "net10.0", "ecosim.dll")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_of(pid):
    """The server's /proc status lines (sizes in kB) by name."""
    with open(f"/proc/{pid}/status") as status:
        return dict(line.split(":", 1) for line in status if ":" in line)


def rss_mib(pid, field="VmRSS"):
    value = status_of(pid).get(field)
    return int(value.split()[0]) / 1024 if value else float("nan")


def baseline_seconds(base):
    """Seconds for the baseline's 107 quarters after the first, in one session."""
    s = Session(base)
    run = s.call("POST", "/api/runs", {})
    s.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 1})
    t = time.monotonic()
    s.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 107})
    elapsed = time.monotonic() - t
    s.call("DELETE", f"/api/runs/{run['id']}")
    return elapsed


def dashboard_overhead(base, pairs=3):
    """The baseline with nobody on the dashboard and with a thread asking what its page asks every second, in alternating pairs (this machine is noisy)."""
    polls, alone, watched = [], [], []
    for _ in range(pairs):
        alone.append(baseline_seconds(base))
        stop = threading.Event()

        def poll():
            while not stop.is_set():
                t = time.monotonic()
                for path in ("DashboardCounters", "ClusterStats", "TopGrainMethods"):
                    urllib.request.urlopen(f"{base}/dashboard/{path}").read()
                polls.append(time.monotonic() - t)
                stop.wait(1.0)

        watcher = threading.Thread(target=poll)
        watcher.start()
        watched.append(baseline_seconds(base))
        stop.set()
        watcher.join()
    a, w = sorted(alone)[pairs // 2], sorted(watched)[pairs // 2]
    polls.sort()
    print(f"the baseline without and with the dashboard open, {pairs} alternating pairs: median {a:.2f} s and {w:.2f} s ({(w / a - 1) * 100:+.0f}%);"
          f" each pair {', '.join(f'{x:.1f}/{y:.1f}' for x, y in zip(alone, watched))} s; {len(polls)} dashboard polls, median {polls[len(polls) // 2] * 1000:.0f} ms, slowest {polls[-1] * 1000:.0f} ms")


def flow(base):
    """The issue's "done when", through the API the page uses, on the full baseline."""
    s = Session(base)
    marks = []
    t = time.monotonic()

    def mark(what):
        marks.append(f"{what} {time.monotonic() - t:.1f} s")

    run = s.call("POST", "/api/runs", {"levers": [{"name": "minBasicShare", "value": 1 / 3, "from": "2025Q1"}]})
    s.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 24})
    mark("to 2030Q1")
    talent = next(l for l in s.call("GET", "/api/levers") if l["name"] == "talentWeight")
    branch = s.call("POST", f"/api/runs/{run['id']}/branch", {"levers": [{"name": "talentWeight", "value": 2 * talent["default"]}]})
    mark("branched")
    s.call("POST", f"/api/runs/{branch['id']}/step", {"quarters": 84})
    s.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 84})
    parent, child = (s.call("GET", f"/api/runs/{r['id']}")["quarters"] for r in (run, branch))
    assert len(parent) == len(child) == 108
    mark("both at 2050Q4")
    recipe = s.call("GET", f"/api/runs/{branch['id']}/recipe")
    zipped = s.call("GET", f"/api/runs/{branch['id']}/download", raw=True)
    mark(f"downloaded ({len(zipped) / 1e6:.1f} MB)")
    with tempfile.TemporaryDirectory(prefix="ecosim-bench-") as folder:
        zipfile.ZipFile(io.BytesIO(zipped)).extractall(folder)
        manifest = os.path.join(folder, os.path.basename(recipe["folder"]), "manifest.json")
        done = subprocess.run(["dotnet", ECOSIM, "reproduce", manifest], capture_output=True, text=True)
        mark("reproduced" if done.returncode == 0 else f"NOT reproduced (exit {done.returncode})")
        if done.returncode != 0:
            print(done.stdout + done.stderr)
    for r in (branch, run):
        s.call("DELETE", f"/api/runs/{r['id']}")
    print(f"the done-when flow on the baseline: {time.monotonic() - t:.1f} s in all ({'; '.join(marks)})")


def branch_times(base, repeat):
    """Seconds for "branch here" at 2030Q1 on the baseline, REPEAT times from one parent paused there."""
    s = Session(base)
    run = s.call("POST", "/api/runs", {})
    s.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 24})
    made, first = [], []
    for i in range(repeat):
        t = time.monotonic()
        branch = s.call("POST", f"/api/runs/{run['id']}/branch", {"levers": [{"name": "talentWeight", "value": 0.4}]})
        made.append(time.monotonic() - t)
        s.call("POST", f"/api/runs/{branch['id']}/step", {"quarters": 1})
        first.append(time.monotonic() - t)
        s.call("DELETE", f"/api/runs/{branch['id']}")
    s.call("DELETE", f"/api/runs/{run['id']}")

    def summary(times):
        times = sorted(times)
        return f"median {times[len(times) // 2]:.2f} s (fastest {times[0]:.2f}, slowest {times[-1]:.2f})"
    print(f"branch at 2030Q1 on the baseline, {repeat} times: the branch made {summary(made)}; to its first own quarter, 2030Q1, {summary(first)}")


def crowd(base, count, quarters):
    """COUNT sessions each playing the baseline at once for QUARTERS quarters, then paused: their rates and runs."""
    rates = [0.0] * count
    sessions = []

    def one(i):
        s = Session(base)
        r = s.call("POST", "/api/runs", {"seed": 1000 + i})
        begin = time.monotonic()
        s.call("POST", f"/api/runs/{r['id']}/play", {"speed": 0})
        while s.call("GET", f"/api/runs/{r['id']}?from=100000")["run"]["quarters"] < quarters:
            time.sleep(0.2)
        s.call("POST", f"/api/runs/{r['id']}/pause")
        rates[i] = quarters / (time.monotonic() - begin)
        sessions.append((s, r["id"]))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return rates, sessions


def activation_count(base):
    """Grain activations in the silo, as the dashboard counts them."""
    counters = json.loads(urllib.request.urlopen(f"{base}/dashboard/DashboardCounters").read())
    return counters.get("totalActivationCount", "?")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--quarters", type=int, default=40)
    parser.add_argument("--engine", default="orleans")
    parser.add_argument("--settle", type=int, default=60, help="seconds to watch the memory after the runs are deleted")
    parser.add_argument("--branch-only", action="store_true", help="measure only the branch at 2030Q1 and the baseline's rate")
    parser.add_argument("--repeat", type=int, default=5, help="branches timed with --branch-only")
    parser.add_argument("--memory-only", action="store_true", help="skip the dashboard and the done-when flow: only the sessions' rounds")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of SESSIONS runs, each deleted before the next")
    parser.add_argument("--collect", choices=("every", "last"), default="every",
                        help="force a full collection (the memory probe) after every round, or only after the last, so the rounds between show what the server keeps on its own")
    parser.add_argument("--ecosim", default=ECOSIM, help="the ecosim.dll to serve (another build, for a before/after)")
    parser.add_argument("--cluster", help="serve the runs on this running cluster (scripts/cluster.sh url) instead of an embedded silo")
    parser.add_argument("--cluster-credentials", help="the cluster's credentials folder (scripts/cluster.sh credentials)")
    args = parser.parse_args()

    port = free_port()
    started = time.monotonic()
    # The memory probe (POST /api/debug/memory) is on for the bench only.
    cluster = ["--cluster", args.cluster] + (["--cluster-credentials", args.cluster_credentials] if args.cluster_credentials else []) if args.cluster else []
    server = subprocess.Popen(["dotnet", args.ecosim, "serve", "--urls", f"http://127.0.0.1:{port}", "--engine", args.engine, *cluster],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "ECOSIM_EXPLORER_DEBUG_MEMORY": "1"})
    try:
        # The address line; a busy machine may log a warning (the silo's watchdog) before it.
        line = server.stdout.readline()
        while line and "open http" not in line:
            line = server.stdout.readline()
        print(f"server ready (address printed): {time.monotonic() - started:.2f} s  [{line.strip()}]")
        base = f"http://127.0.0.1:{port}"
        t = time.monotonic()
        urllib.request.urlopen(base + "/").read()
        for asset in ("explorer.js", "explorer.css", "vendor/uplot/uPlot.iife.min.js", "api/metrics", "api/levers", "api/scenarios"):
            urllib.request.urlopen(f"{base}/{asset}").read()
        print(f"page and its first API answers: {time.monotonic() - t:.3f} s")

        one = Session(base)
        t = time.monotonic()
        run = one.call("POST", "/api/runs", {})
        one.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 1})
        print(f"new run to its first quarter: {time.monotonic() - t:.2f} s")
        t = time.monotonic()
        one.call("POST", f"/api/runs/{run['id']}/step", {"quarters": 107})
        elapsed = time.monotonic() - t
        print(f"one baseline, 107 more quarters: {elapsed:.2f} s, {107 / elapsed:.1f} quarters/s")
        one.call("DELETE", f"/api/runs/{run['id']}")
        if args.branch_only:
            branch_times(base, args.repeat)
            return

        if not args.memory_only:
            if args.engine == "orleans" and not args.cluster:
                dashboard_overhead(base)
            flow(base)

        before = rss_mib(server.pid)
        activations = lambda: activation_count(base) if args.engine == "orleans" else "?"
        for round_ in range(1, args.rounds + 1):
            rates, sessions = crowd(base, args.sessions, args.quarters)
            during = rss_mib(server.pid)
            print(f"{args.sessions} sessions playing the baseline at once, {args.quarters} quarters each (round {round_}):")
            print(f"  quarters/s per session: min {min(rates):.2f}, median {sorted(rates)[len(rates) // 2]:.2f}, max {max(rates):.2f}; fairness (min/max) {min(rates) / max(rates):.2f}")
            print(f"  server resident memory: {before:.0f} MiB before, {during:.0f} MiB with {args.sessions} runs paused ({(during - before) / args.sessions:.0f} MiB a session); grain activations {activations()}")
            for s, rid in sessions:
                s.call("DELETE", f"/api/runs/{rid}")
            settled, waited = [], 0
            for mark in (5, 30, 60, 120, 300):
                if mark > args.settle:
                    break
                time.sleep(mark - waited)
                waited = mark
                settled.append(f"{rss_mib(server.pid):.0f} MiB at {mark} s")
            print(f"  after deleting them: {', '.join(settled)}; grain activations {activations()}")
            if args.collect == "last" and round_ < args.rounds:
                continue
            probe = json.loads(urllib.request.urlopen(urllib.request.Request(f"{base}/api/debug/memory", data=b"", method="POST")).read())
            print(f"  a forced full collection then: managed heap {probe['heapBefore']:.0f} MiB before, {probe['heapAfter']:.0f} MiB after;"
                  f" committed {probe['committedAfter']:.0f} MiB; resident {probe['residentAfter']:.0f} MiB"
                  f" ({rss_mib(server.pid, 'RssAnon'):.0f} MiB anonymous, {rss_mib(server.pid, 'RssFile'):.0f} MiB file-backed);"
                  f" {status_of(server.pid)['Threads'].strip()} threads"
                  + (f"; {probe['residentAfterTrim']:.0f} MiB once the C library returned its free memory (malloc_trim)" if probe.get("residentAfterTrim") else ""))
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()

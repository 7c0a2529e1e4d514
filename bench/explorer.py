#!/usr/bin/env python3
"""The explorer under a user's and a crowd's load, timed from outside the server.

    python3 bench/explorer.py [--sessions 20] [--quarters 40] [--engine orleans]

Builds nothing: run `dotnet build client/EcoSim.Client -c Release` first. Starts `ecosim serve` on a
free port and measures: the time from start to the address printed, from a new run to its first
quarter, the quarters per second of one full baseline (75,000 firms, 108 quarters), then SESSIONS
browser sessions each playing the baseline at once for QUARTERS quarters: quarters per second of each,
the fairness between them (slowest over fastest) and the server's resident memory before, at the
end and after every run is deleted. Prints one line per measure.
"""
import argparse
import os
import socket
import subprocess
import threading
import time
import sys
import urllib.request

# The documented client's session (the server's id sent back on every call), not a copy of it.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "docs"))
from explorer_client import Explorer as Session  # noqa: E402

ECOSIM = os.path.join(os.path.dirname(__file__), "..", "client", "EcoSim.Client", "bin", "Release", "net10.0", "ecosim.dll")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--quarters", type=int, default=40)
    parser.add_argument("--engine", default="orleans")
    args = parser.parse_args()

    port = free_port()
    started = time.monotonic()
    server = subprocess.Popen(["dotnet", ECOSIM, "serve", "--urls", f"http://127.0.0.1:{port}", "--engine", args.engine],
                              stdout=subprocess.PIPE, text=True)
    try:
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

        before = rss_mib(server.pid)
        rates = [0.0] * args.sessions

        def crowd(i):
            s = Session(base)
            r = s.call("POST", "/api/runs", {"seed": 1000 + i})
            begin = time.monotonic()
            s.call("POST", f"/api/runs/{r['id']}/play", {"speed": 0})
            while s.call("GET", f"/api/runs/{r['id']}?from=100000")["run"]["quarters"] < args.quarters:
                time.sleep(0.2)
            s.call("POST", f"/api/runs/{r['id']}/pause")
            rates[i] = args.quarters / (time.monotonic() - begin)
            crowd.sessions.append((s, r["id"]))

        crowd.sessions = []
        threads = [threading.Thread(target=crowd, args=(i,)) for i in range(args.sessions)]
        t = time.monotonic()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        during = rss_mib(server.pid)
        print(f"{args.sessions} sessions playing the baseline at once, {args.quarters} quarters each: {time.monotonic() - t:.1f} s in all")
        print(f"  quarters/s per session: min {min(rates):.2f}, median {sorted(rates)[len(rates) // 2]:.2f}, max {max(rates):.2f}; fairness (min/max) {min(rates) / max(rates):.2f}")
        for s, rid in crowd.sessions:
            s.call("DELETE", f"/api/runs/{rid}")
        time.sleep(5)
        after = rss_mib(server.pid)
        print(f"  server resident memory: {before:.0f} MiB before, {during:.0f} MiB with {args.sessions} runs paused ({(during - before) / args.sessions:.0f} MiB a session), {after:.0f} MiB 5 s after deleting them")
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()

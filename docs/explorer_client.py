#!/usr/bin/env python3
"""Drive the EcoSim explorer's HTTP API from Python, with the standard library only.

Start the explorer first (`ecosim serve`, which prints its address), then:

    python3 docs/explorer_client.py http://127.0.0.1:5080 --quarters 12

It starts a run of a shipped scenario with the one-third floor on the basic-research share from
2025Q1, runs it some quarters, branches it at the quarter it reached with twice the talent weight,
runs the branch as far again, and prints, as CSV, the region's basic-knowledge stock and researchers
of the run and of the branch, quarter by quarter. With --download FOLDER it also saves the branch as
the command line's output folder (a zip) in FOLDER and says which scenario file and `ecosim` command
write it again; `ecosim reproduce FOLDER/<name>/manifest.json` checks it once unzipped. The API is
described at /openapi/v1.json.
"""
import argparse
import csv
import json
import os
import sys
import urllib.error
import urllib.request


class Explorer:
    """A session with the explorer: the server gives an id on the first answer, sent back after."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.session = None

    def call(self, method, path, body=None, raw=False):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.session:
            request.add_header("X-EcoSim-Session", self.session)
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                self.session = response.headers.get("X-EcoSim-Session") or self.session
                text = response.read()
                return text if raw else json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            problem = json.loads(error.read() or b"{}")
            raise SystemExit(f"error: {method} {path}: HTTP {error.code}: {problem.get('error')}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the address `ecosim serve` printed, e.g. http://127.0.0.1:5080")
    parser.add_argument("--scenario", default="guangdong-baseline.yaml", help="a shipped scenario (GET /api/scenarios)")
    parser.add_argument("--quarters", type=int, default=12, help="quarters to run before the branch, and after it")
    parser.add_argument("--download", metavar="FOLDER", help="save the branch as the command line's output folder, zipped, in FOLDER")
    args = parser.parse_args()

    explorer = Explorer(args.url)
    metrics = [m["name"] for m in explorer.call("GET", "/api/metrics")]
    knowledge, researchers = metrics.index("knowledge_stock"), metrics.index("researchers")
    run = explorer.call("POST", "/api/runs", {
        "scenario": args.scenario,
        "levers": [{"name": "minBasicShare", "value": 1 / 3, "from": "2025Q1"}],
    })
    explorer.call("POST", f"/api/runs/{run['id']}/step", {"quarters": args.quarters})
    talent = next(l for l in explorer.call("GET", "/api/levers") if l["name"] == "talentWeight")
    branch = explorer.call("POST", f"/api/runs/{run['id']}/branch", {
        "levers": [{"name": "talentWeight", "value": 2 * talent["default"]}],
    })
    explorer.call("POST", f"/api/runs/{branch['id']}/step", {"quarters": args.quarters})
    explorer.call("POST", f"/api/runs/{run['id']}/step", {"quarters": args.quarters})

    parent = explorer.call("GET", f"/api/runs/{run['id']}")["quarters"]
    child = explorer.call("GET", f"/api/runs/{branch['id']}")["quarters"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["period", "knowledge_stock", "researchers", "branch_knowledge_stock", "branch_researchers"])
    for p, c in zip(parent, child):
        out.writerow([p["period"], p["region"][knowledge], p["region"][researchers], c["region"][knowledge], c["region"][researchers]])
    print(f"# branch {branch['id']} parts from run {run['id']} at {branch['branchQuarter']}", file=sys.stderr)
    if args.download:
        recipe = explorer.call("GET", f"/api/runs/{branch['id']}/recipe")
        zipped = explorer.call("GET", f"/api/runs/{branch['id']}/download", raw=True)
        path = os.path.join(args.download, os.path.basename(recipe["folder"]) + ".zip")
        try:
            with open(path, "xb") as out_file:  # never replaces a file that is already there
                out_file.write(zipped)
        except FileExistsError:
            raise SystemExit(f"error: {path} already exists; give --download another folder")
        print(f"# {path}: written again by saving {recipe['scenarioFile']} and running: {' '.join(recipe['command'])}", file=sys.stderr)
    for r in (run, branch):
        explorer.call("DELETE", f"/api/runs/{r['id']}")


if __name__ == "__main__":
    main()

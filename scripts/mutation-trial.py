#!/usr/bin/env python3
"""A mutation trial of parvi's loaders: mutates the sample session, group, year clock and a
format (arrays duplicated, numbers made huge, strings made long, objects nested deep), runs
the read-only commands on each mutated data directory under a timeout, and reports every
command that ran past the limit, panicked or died of a signal.

    scripts/mutation-trial.py --parvi target/release/parvi --trials 300 [--seed 1]
"""
import argparse, copy, json, os, random, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sessions", "sample")
GROUP = "hyvinvointiryhma-kotkan-kampus-7c1e"
SESSION = "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03"


def nodes(value, path=()):
    """Every (path, value) in a JSON document."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from nodes(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from nodes(v, path + (i,))


def set_at(doc, path, new):
    if not path:
        return new
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return doc


HUGE = [1e308, -1e308, 18446744073709551615, 4294967295, 2147483648, -1, 0, 9007199254740993]


def mutate(doc, rng):
    """One random mutation of a document; returns (doc, what)."""
    all_nodes = list(nodes(doc))
    kind = rng.choice(["dup_array", "huge_number", "long_string", "deep", "dup_array", "huge_number"])
    if kind == "dup_array":
        arrays = [(p, v) for p, v in all_nodes if isinstance(v, list) and v]
        if arrays:
            p, v = rng.choice(arrays)
            times = rng.choice([2, 10, 100, 1000, 3000])
            return set_at(doc, p, [copy.deepcopy(x) for x in v for _ in range(times)][: 20000]), f"dup {p} x{times}"
    if kind == "huge_number":
        nums = [(p, v) for p, v in all_nodes if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if nums:
            p, _ = rng.choice(nums)
            n = rng.choice(HUGE)
            return set_at(doc, p, n), f"number {p} = {n}"
    if kind == "long_string":
        strs = [(p, v) for p, v in all_nodes if isinstance(v, str)]
        if strs:
            p, v = rng.choice(strs)
            n = rng.choice([10_000, 200_000, 2_000_000])
            return set_at(doc, p, (v or "x") * (n // max(len(v), 1))), f"string {p} x{n}"
    if kind == "deep":
        p, v = rng.choice(all_nodes[1:])
        depth = rng.choice([20, 200, 5000])
        for _ in range(depth):
            v = [v]
        return set_at(doc, p, v), f"deep {p} {depth}"
    return doc, "unchanged"


def commands(fmt_file):
    c = [
        ["sessions", "list"], ["sessions", "show", SESSION], ["sessions", "search", "kokous"],
        ["groups", "list"], ["groups", "show", GROUP], ["stats", "--group", GROUP],
        ["formats", "list"], ["formats", "check", fmt_file], ["formats", "show", "iso"],
        ["clock", "show", "--group", GROUP], ["report", "--group", GROUP, "--year", "2026-2027", "--format", "md"],
        ["notice", "--group", GROUP, "--from", "2026-08-01", "--to", "2026-12-31"],
    ]
    for f in ["md", "html", "json"]:
        c.append(["export", SESSION, "--format", f, "--public", "--checked"])
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parvi", default=os.path.join(ROOT, "target", "release", "parvi"))
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    targets = {
        "session": os.path.join("sessions", f"2026-11-03_{SESSION}.json"),
        "group": os.path.join("groups", f"{GROUP}.json"),
        "clock": os.path.join("clocks", f"{GROUP}.json"),
        "format": os.path.join("formats", "iso.json"),
    }
    base_format = json.load(open(os.path.join(ROOT, "formats", "kierros.json")))
    base_format["name"] = "iso"
    findings, runs, slowest = [], 0, (0, None)
    for trial in range(args.trials):
        which = rng.choice(list(targets))
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "data")
            shutil.copytree(SAMPLE, data)
            os.makedirs(os.path.join(data, "formats"))
            json.dump(base_format, open(os.path.join(data, targets["format"]), "w"))
            path = os.path.join(data, targets[which])
            doc = json.load(open(path))
            doc, what = mutate(doc, rng)
            try:
                text = json.dumps(doc, ensure_ascii=False, indent=1)
            except RecursionError:
                continue
            open(path, "w").write(text)
            for cmd in commands(os.path.join(data, targets["format"])):
                full = [args.parvi, "--data-dir", data, "--lang", "en"] + cmd
                start = time.monotonic()
                try:
                    p = subprocess.run(full, capture_output=True, timeout=args.timeout, cwd=tmp)
                    code, err = p.returncode, p.stderr[-300:].decode(errors="replace")
                except subprocess.TimeoutExpired:
                    code, err = "timeout", ""
                took = time.monotonic() - start
                runs += 1
                if took > slowest[0]:
                    slowest = (took, f"{which}: {what}: {' '.join(cmd)}")
                if code == "timeout" or code == 101 or (isinstance(code, int) and code < 0) or "panicked" in err:
                    findings.append(f"{which}: {what}: {' '.join(cmd)} -> {code} {took:.1f}s {err.strip()[:200]}")
                    print(findings[-1], flush=True)
    print(f"{args.trials} mutated files, {runs} runs, {len(findings)} findings; slowest {slowest[0]:.2f}s ({slowest[1]})")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

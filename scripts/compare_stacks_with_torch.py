#!/usr/bin/env python3
"""Throwaway comparison of convscope's stacks with real PyTorch on fresh random cases.

    python3 scripts/compare_stacks_with_torch.py --stacks 500 [--layers 2000] [--start 1]

Draws new random stacks and single layers with scripts/make_stack_fixtures.py's generators (a
random state of your choice with --start, not the committed fixtures'), writes them to a temporary JSON file, runs
the Swift StackAgreementTests on it (CONVSCOPE_STACK_FIXTURES) and prints how many cases
disagreed: shapes, values, messages, receptive fields or the layer reprs. Exit status 1 on any
mismatch.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_stack_fixtures as fixtures  # noqa: E402
import torch  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", type=int, default=500, help="random stacks of 2-6 layers (default 500)")
    parser.add_argument("--layers", type=int, default=2000, help="single layers over wide ranges (default 2000)")
    parser.add_argument("--start", type=int, default=random.SystemRandom().randrange(1 << 32),
                        help="the random generator's start: the same number draws the same cases")
    args = parser.parse_args()
    rng = random.Random(args.start)
    stacks = [fixtures.random_case(rng, n) for n in range(args.stacks)]
    singles = [fixtures.single_layer_case(rng) for _ in range(args.layers)]
    data = {"torch": torch.__version__, "stacks": stacks, "single_layers": singles, "unets": [], "models": []}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
        path = f.name
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    env = dict(os.environ, CONVSCOPE_STACK_FIXTURES=path)
    run = subprocess.run(["swift", "test", "--filter", "StackAgreementTests"], cwd=root, env=env,
                         capture_output=True, text=True)
    os.unlink(path)
    output = run.stdout + run.stderr
    failed_stacks = set(re.findall(r"recorded an issue with 1 argument c → (stack\d+)", output))
    failed_reprs = set(re.findall(r"reprReadsBackAsTheSameLayer\(_:\) recorded an issue with 1 argument text → (.*?) at ", output))
    singles_line = re.search(r"MISMATCHES (\d+) of", output)
    single_mismatches = int(singles_line.group(1)) if singles_line else 0
    if run.returncode != 0 and not (failed_stacks or failed_reprs or singles_line):
        print(output[-3000:])
        sys.exit("the Swift tests did not run")
    total = len(failed_stacks) + len(failed_reprs) + single_mismatches
    broken = sum(1 for s in stacks if "error" in s or "construction_error" in s)
    print(f"start {args.start}: {args.stacks} stacks ({broken} break at some layer), {args.layers} single layers: "
          f"{len(failed_stacks)} stack, {len(failed_reprs)} repr and {single_mismatches} single-layer mismatches")
    if singles_line:
        print("  ", output[singles_line.start():].splitlines()[0][:2000])
    for tag in sorted(failed_stacks)[:10]:
        print("  ", next(" | ".join(s["layers"]) for s in stacks if s["tag"] == tag))
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()

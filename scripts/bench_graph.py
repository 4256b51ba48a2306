#!/usr/bin/env python3
"""A traced ResNet-50 at 224x224 through the release binary, against PyTorch's eval forward of the
same all-ones model measured in the same run (2 threads each; this machine has 2 cores):

  layers   `render --model resnet50.txt --layers` (the table), whole process, median of RUNS (wall
           clock, and CPU time user + system: on a shared machine the wall clock includes waiting)
  values   `render --model resnet50.txt --format json` (every node's values) into /dev/null,
           whole process, median of RUNS; the JSON's size is printed beside it
  torch    model(x) in eval mode under torch.no_grad(), 2 threads, median of RUNS (after a warm-up);
           and what torch takes to turn every node's output into the same JSON text
           (torch.fx.Interpreter, tensor.tolist(), json.dumps), so the JSON's own cost is apart

    python3 scripts/bench_graph.py [--runs N] [--binary PATH]
"""
import json
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.fx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fx_value_fixtures as values  # noqa: E402  (notebook_weights, ramp, models)

ROOT = os.path.join(HERE, "..")
PRINT = os.path.join(ROOT, "Tests", "ConvCoreTests", "Fixtures", "fx_prints", "resnet50.txt")


def timed(args, runs, stdout=subprocess.DEVNULL):
    """Median wall time and median CPU time (user + system) of the whole process."""
    import resource
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(args, stdout=stdout, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main():
    options = dict(zip(sys.argv[1::2], sys.argv[2::2]))
    runs = int(options.get("--runs", 5))
    binary = options.get("--binary", os.path.join(ROOT, ".build", "release", "convscope"))
    size = ["--h-in", "224", "--w-in", "224"]
    layers, layers_cpu = timed([binary, "render", "--model", PRINT, "--layers"] + size, runs)
    value_args = [binary, "render", "--model", PRINT, "--format", "json"] + size
    json_time, json_cpu = timed(value_args, runs)
    nbytes = len(subprocess.run(value_args, capture_output=True, check=True).stdout)

    torch.set_num_threads(2)
    model = values.notebook_weights(values.fx.models.resnet50(weights=None).eval())
    x = values.ramp([1, 3, 224, 224])
    with torch.no_grad():
        model(x)
        forward = []
        for _ in range(runs):
            t = time.perf_counter()
            model(x)
            forward.append(time.perf_counter() - t)
    gm = torch.fx.symbolic_trace(model)
    t = time.perf_counter()
    parts = []

    class Dump(torch.fx.Interpreter):
        def run_node(self, n):
            r = super().run_node(n)
            if n.op not in ("placeholder", "output") and isinstance(r, torch.Tensor):
                parts.append(json.dumps(r.tolist()))
            return r

    with torch.no_grad():
        Dump(gm).run(x)
    torch_json = time.perf_counter() - t
    print(f"resnet50 at 224x224, median of {runs} runs, 2 threads")
    print(f"  convscope render --layers (whole process)         {layers * 1000:8.1f} ms   "
          f"(CPU {layers_cpu * 1000:.0f} ms; goal <= 50 ms)")
    print(f"  convscope render --format json (whole process)    {json_time * 1000:8.1f} ms   "
          f"(CPU {json_cpu * 1000:.0f} ms) {nbytes / 1e6:.1f} MB of JSON")
    print(f"  torch eval forward, all-ones weights              {statistics.median(forward) * 1000:8.1f} ms")
    print(f"  torch forward + every node's tolist() + json.dumps {torch_json * 1000:8.1f} ms   "
          f"{sum(map(len, parts)) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

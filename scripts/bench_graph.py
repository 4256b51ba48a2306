#!/usr/bin/env python3
"""A traced ResNet-50 at 224x224 through the release binary, against PyTorch's eval forward of the
same all-ones model measured in the same run (2 threads each; this machine has 2 cores):

  layers   `render --model resnet50.txt --layers` (the table), whole process, median of RUNS (wall
           clock, and CPU time user + system: on a shared machine the wall clock includes waiting)
  values   `render --model resnet50.txt --format json` (every node's values) into /dev/null,
           whole process, median of RUNS; the JSON's size is printed beside it
  compute  `convscope-keybench --graph-values`: inside one process, the forward alone (maps kept
           as their distinct planes), and the forward with its JSON made into memory: the
           difference is what writing the JSON costs
  torch    model(x) in eval mode under torch.no_grad(), 2 threads, median of RUNS (after a warm-up);
           and what torch takes to turn every node's output into the same JSON text
           (torch.fx.Interpreter, tensor.tolist(), json.dumps), so the JSON's own cost is apart

    python3 scripts/bench_graph.py [--runs N] [--binary PATH]

The goal: ours (compute) <= torch's eval forward, both measured here in the same run. On a busy
machine both slow down; compare the ratio, and take the final figures on a quiet machine.
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
    keybench = os.path.join(os.path.dirname(binary), "convscope-keybench")
    inside = subprocess.run([keybench, "--graph-values", PRINT, "--size", "224", "--runs", str(runs)],
                            capture_output=True, text=True, check=True, cwd=ROOT).stdout
    medians = [float(line.split("median")[1].split("ms")[0]) for line in inside.splitlines() if "median" in line and " ms" in line]
    compute, whole_tensors, with_json = medians[0], medians[1], medians[2]

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
    torch_forward = statistics.median(forward) * 1000
    print(f"resnet50 at 224x224, median of {runs} runs, 2 threads")
    print(f"  torch eval forward, all-ones weights               {torch_forward:8.1f} ms")
    print(f"  convscope render --format json (whole process)     {json_time * 1000:8.1f} ms   "
          f"(CPU {json_cpu * 1000:.0f} ms) {nbytes / 1e6:.1f} MB of JSON into /dev/null")
    print(f"  convscope forward alone (compute only)             {compute:8.1f} ms   "
          f"(every channel written out: {whole_tensors:.1f} ms)")
    print(f"  convscope writing the JSON ({nbytes / 1e6:.0f} MB, into memory)       "
          f"{with_json - compute:8.1f} ms")
    print(f"  ratio compute / torch forward                      {compute / torch_forward:8.2f}   (goal <= 1)")
    print(f"  ratio whole process / torch forward                {json_time * 1000 / torch_forward:8.2f}")
    print(f"  convscope render --layers (whole process)          {layers * 1000:8.1f} ms   "
          f"(CPU {layers_cpu * 1000:.0f} ms; goal <= 50 ms)")
    print(f"  torch forward + every node's tolist() + json.dumps {torch_json * 1000:8.1f} ms   "
          f"{sum(map(len, parts)) / 1e6:.1f} MB")
    load = os.getloadavg()[0]
    if load > 2.5:
        print(f"  load average {load:.1f} on {os.cpu_count()} cores: a busy machine; rerun on a quiet one "
              f"for the final figures")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times torch.nn.functional.conv2d on the workloads convscope-bench hands it, one forked child per
workload so each reports its own peak RSS (torch is imported once, before the forks).

    python3 scripts/torch_conv_bench.py THREADS WORKLOAD [WORKLOAD ...]

A WORKLOAD is `size=1024,cin=16,cout=16,k=8,weights=random,input=random,band=0,runs=5`; band > 0
computes only that many output rows and scales the median to the whole layer. Prints one line per
workload, `median_ms=… peak_kib=…`, in order, after a first line `torch=VERSION`. Same tensors as convscope: integer inputs 0…9 or
the ramp x, integer weights −3…3 or all ones.
"""
import os
import resource
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def measure(threads, argument):
    w = dict(pair.split("=", 1) for pair in argument.split(","))
    size, cin, cout, k = (int(w[key]) for key in ("size", "cin", "cout", "k"))
    band, runs = int(w["band"]), int(w["runs"])
    height = band + k - 1 if band else size
    torch.set_num_threads(threads)
    generator = torch.Generator().manual_seed(1)
    if w["input"] == "ramp":
        x = torch.arange(size, dtype=torch.float32).expand(1, cin, height, size).contiguous()
    else:
        x = torch.randint(0, 10, (1, cin, height, size), generator=generator).float()
    if w["weights"] == "ones":
        weight = torch.ones(cout, cin, k, k)
    else:
        weight = torch.randint(-3, 4, (cout, cin, k, k), generator=generator).float()
    times = []
    with torch.no_grad():
        for run in range(runs + 1):  # the first run warms up
            start = time.perf_counter()
            F.conv2d(x, weight)
            if run:
                times.append(time.perf_counter() - start)
    scale = (size - k + 1) / band if band else 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return f"median_ms={statistics.median(times) * 1000 * scale:.4f} peak_kib={peak}"


def main():
    threads = int(sys.argv[1])
    print(f"torch={torch.__version__}", flush=True)
    for argument in sys.argv[2:]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            os.write(write, measure(threads, argument).encode())
            os._exit(0)
        os.close(write)
        answer = b""
        while chunk := os.read(read, 4096):
            answer += chunk
        os.close(read)
        os.waitpid(pid, 0)
        print(answer.decode() or "failed", flush=True)


if __name__ == "__main__":
    main()

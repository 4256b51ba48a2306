import ConvCore

/// The `P` panel's Python: the layer, its weights, its bias and its input as code a student can
/// paste to get the screen's numbers in PyTorch. Weights are a preset's formula (a kernel-sized
/// literal when small), the random generator's rule, or the file's values as a literal (np.load
/// when large); the input likewise.
enum PyTorchCode {
    /// Values at most this many are written out as a tensor literal.
    static let literalLimit = 64

    /// The statements, each one line (the panel wraps them), after the `conv = nn.Conv2d(…)` line.
    static func statements(_ p: Conv2dSettings) -> (imports: String, setup: [String], body: [String]) {
        var setup: [String] = [], usesMath = false, usesNumpy = false
        let input = inputStatements(p, numpy: &usesNumpy)
        var weights = ["with torch.no_grad():"]
        weights += weightStatements(p, math: &usesMath, numpy: &usesNumpy).map { "    " + $0 }
        if let bias = p.bias { weights.append("    conv.bias.fill_(\(formatNumber(bias)))") }
        if case .generated(.random) = p.input { setup = splitmix } else if case .preset(.random) = p.kernel { setup = splitmix }
        let imports = "import " + ((usesMath ? ["math"] : []) + (usesNumpy ? ["numpy as np"] : []) + ["torch", "torch.nn as nn"])
            .joined(separator: ", ")
        return (imports, setup, input + weights + ["y = conv(x)", "print(y)"])
    }

    /// convscope's random rule (SplitMix64, then low + n mod count), as the panel writes it.
    static let splitmix = [
        "def splitmix(start, count, low, high):",
        "    s, out, m = start, [], 2**64 - 1",
        "    for _ in range(count):",
        "        s = (s + 0x9E3779B97F4A7C15) & m",
        "        z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & m",
        "        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & m",
        "        out.append(float(low + (z ^ (z >> 31)) % (high - low + 1)))",
        "    return torch.tensor(out)",
    ]

    static func inputStatements(_ p: Conv2dSettings, numpy: inout Bool) -> [String] {
        let shape = p.spec.inputShape, (c, h, w) = (shape[1], shape[2], shape[3])
        switch p.input {
        case .generated(.rampX), .generated(.notebook):
            return ["x = torch.arange(\(w).).repeat(1, \(c), \(h), 1)"]
        case .generated(.rampY):
            return ["x = torch.arange(\(h).).reshape(\(h), 1).repeat(1, \(c), 1, \(w))"]
        case .generated(.impulse):
            return ["x = torch.zeros(1, \(c), \(h), \(w))", "x[:, :, \(h / 2), \(w / 2)] = 1"]
        case .generated(.checker):
            let side = max(1, min(h, w) / 4)
            return ["i = torch.arange(\(h)).reshape(\(h), 1) // \(side) + torch.arange(\(w)) // \(side)",
                    "x = (i % 2 == 0).float().repeat(1, \(c), 1, 1)"]
        case .generated(.random(let start)):
            let low = InputSource.randomValues.lowerBound, high = InputSource.randomValues.upperBound
            return ["x = splitmix(\(start), \(c * h * w), \(low), \(high)).reshape(1, \(c), \(h), \(w))"]
        case .file(let file):
            if file.content.storage.count <= literalLimit { return ["x = " + literal(file.content.storage, shape: shape)] }
            numpy = true
            return ["x = torch.from_numpy(np.load('\(file.name)')).float().reshape(\(shape.map(String.init).joined(separator: ", ")))"]
        }
    }

    static func weightStatements(_ p: Conv2dSettings, math: inout Bool, numpy: inout Bool) -> [String] {
        let k = p.kernelShape, shape = k.map(String.init).joined(separator: ", ")
        switch p.kernel {
        case .preset(.ones): return ["conv.weight.fill_(1)"]
        case .preset(.random(let start)):
            let low = KernelPreset.randomValues.lowerBound, high = KernelPreset.randomValues.upperBound
            return ["conv.weight.copy_(splitmix(\(start), \(k.reduce(1, *)), \(low), \(high)).reshape(\(shape)))"]
        case .preset(let preset):
            let plane = preset.filter(kernelH: k[2], kernelW: k[3])
            let f = plane.count <= 25 ? "f = " + literal(plane, shape: [k[2], k[3]])
                : formula(preset, kh: k[2], kw: k[3], math: &math)
            // The image filters sit on the pairs (o, o mod C_in/groups), zeros elsewhere.
            return [f, "conv.weight.zero_()", "for o in range(\(k[0])):", "    conv.weight[o, o % \(k[1])] = f"]
        case .file(let file):
            let weights = p.makeWeights()
            if weights.storage.count <= literalLimit { return ["conv.weight.copy_(" + literal(weights.storage, shape: k) + ")"] }
            numpy = true
            let loaded = "torch.from_numpy(np.load('\(file.name)')).float()"
            return file.content.shape.count == 4 ? ["conv.weight.copy_(\(loaded))"]
                : ["f = \(loaded)", "conv.weight.zero_()", "for o in range(\(k[0])):", "    conv.weight[o, o % \(k[1])] = f"]
        }
    }

    /// A preset's kH×kW filter as a formula (for kernels too large to write out).
    static func formula(_ preset: KernelPreset, kh: Int, kw: Int, math: inout Bool) -> String {
        let (ay, ax) = ((kh - 1) / 2, (kw - 1) / 2)
        let binomial = { (n: Int) in "torch.tensor([float(math.comb(\(n), i)) for i in range(\(n + 1))])" }
        // A central difference: binomial row n−2 convolved with [−1, 1].
        let difference = { (n: Int) in
            n < 2 ? "torch.zeros(1)" : "torch.tensor([float((math.comb(\(n - 2), i - 1) if i > 0 else 0) - "
                + "(math.comb(\(n - 2), i) if i < \(n - 1) else 0)) for i in range(\(n))])"
        }
        switch preset {
        case .identity: return "f = torch.zeros(\(kh), \(kw)); f[\(ay), \(ax)] = 1"
        case .box: return "f = torch.full((\(kh), \(kw)), 1 / \(kh * kw))"
        case .gauss:
            math = true
            return "f = torch.outer(\(binomial(kh - 1)), \(binomial(kw - 1))) / \(1 << (kh + kw - 2))"
        case .sobelX:
            math = true
            return "f = torch.outer(\(binomial(kh - 1)), \(difference(kw)))"
        case .sobelY:
            math = true
            return "f = torch.outer(\(difference(kh)), \(binomial(kw - 1)))"
        default:
            // Laplace: −(neighbours) at the centre, 1 on each neighbour inside the kernel.
            let neighbours = [(ay - 1, ax), (ay + 1, ax), (ay, ax - 1), (ay, ax + 1)].filter { $0.0 >= 0 && $0.0 < kh && $0.1 >= 0 && $0.1 < kw }
            return "f = torch.zeros(\(kh), \(kw)); f[\(ay), \(ax)] = -\(neighbours.count)"
                + neighbours.map { "; f[\($0.0), \($0.1)] = 1" }.joined()
        }
    }

    /// `values` (C order) as a nested torch.tensor literal of `shape`.
    static func literal(_ values: [Float], shape: [Int]) -> String {
        func nested(_ offset: Int, _ dims: ArraySlice<Int>) -> String {
            guard let first = dims.first else { return formatNumber(values[offset]) }
            let stride = dims.dropFirst().reduce(1, *)
            return "[" + (0..<first).map { nested(offset + $0 * stride, dims.dropFirst()) }.joined(separator: ", ") + "]"
        }
        return "torch.tensor(\(nested(0, shape[...])), dtype=torch.float32)"
    }
}

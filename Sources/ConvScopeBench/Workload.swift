import ConvCore

/// One convolution the benchmark times: the shape, the weights and input it uses, and the band
/// of output rows actually computed when the whole layer would take too long (then the time is
/// scaled up by outputRows / band).
struct Workload: Equatable {
    enum Weights: String { case random, ones }
    enum Input: String { case random, ramp }

    var size: Int, inChannels: Int, outChannels: Int, kernel: Int
    var weights: Weights, input: Input
    /// Output rows computed; nil for the whole layer.
    var band: Int?
    var runs: Int

    /// Output rows of the whole layer (stride 1, no padding).
    var outputRows: Int { size - kernel + 1 }
    /// Input rows actually convolved.
    var measuredHeight: Int { band.map { $0 + kernel - 1 } ?? size }
    /// Factor from the measured time to the whole layer's.
    var scale: Double { band.map { Double(outputRows) / Double($0) } ?? 1 }

    /// Floating-point operations of the whole layer counted as the direct convolution does them:
    /// two per multiply-add (the FFT path's GFLOP/s are this over its time).
    var directFlops: Double {
        2 * Double(outputRows * outputRows) * Double(outChannels * inChannels * kernel * kernel)
    }

    /// The layer as convscope computes it (the measured band of it).
    var spec: Conv2dSpec {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels) = (measuredHeight, size, inChannels, outChannels)
        (p.kernelSizeH, p.kernelSizeW) = (kernel, kernel)
        return Conv2dSpec(p)
    }

    /// `key=value,…`: how the driver hands a workload to a child process and to the torch script.
    var argument: String {
        "size=\(size),cin=\(inChannels),cout=\(outChannels),k=\(kernel),weights=\(weights.rawValue),"
            + "input=\(input.rawValue),band=\(band ?? 0),runs=\(runs)"
    }

    init(size: Int, inChannels: Int, outChannels: Int, kernel: Int, weights: Weights, input: Input,
         band: Int? = nil, runs: Int) {
        self.size = size; self.inChannels = inChannels; self.outChannels = outChannels; self.kernel = kernel
        self.weights = weights; self.input = input; self.band = band; self.runs = runs
    }

    /// Parses `argument`; nil when a key is missing or a value is out of place.
    init?(argument: String) {
        var fields: [String: String] = [:]
        for pair in argument.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            fields[parts[0]] = parts[1]
        }
        guard let size = fields["size"].flatMap(Int.init), let cin = fields["cin"].flatMap(Int.init),
              let cout = fields["cout"].flatMap(Int.init), let k = fields["k"].flatMap(Int.init),
              let weights = fields["weights"].flatMap(Weights.init), let input = fields["input"].flatMap(Input.init),
              let band = fields["band"].flatMap(Int.init), let runs = fields["runs"].flatMap(Int.init),
              size >= k, k >= 1, cin >= 1, cout >= 1, runs >= 1, band >= 0
        else { return nil }
        self.init(size: size, inChannels: cin, outChannels: cout, kernel: k, weights: weights, input: input,
                  band: band == 0 ? nil : band, runs: runs)
    }

    /// The tensors: random inputs draw 0…9 and random weights −3…3 (integers, so every sum is
    /// exact); ramp is the course notebook's input, all-ones its kernel.
    func makeTensors() -> (input: Tensor4, weights: Tensor4) {
        let spec = self.spec
        let source: InputSource = input == .ramp ? .rampX : .random(start: 1)
        let preset: KernelPreset = weights == .ones ? .ones : .random(start: 2)
        return (source.makeInput(channels: inChannels, hIn: measuredHeight, wIn: size), preset.makeWeights(spec))
    }
}

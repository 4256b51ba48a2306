import CConvKernels

// What the FFT and Winograd paths read of the values before they take a layer: the grid they lie
// on, their largest magnitudes, and whether a bias holds −0.0.

/// The largest magnitude of some floats and the fraction bits the least coarse of them needs
/// (0 when all are integers); nil when one is NaN or infinite, or when the largest magnitude in
/// units of that grid passes `unitsLimit` (the scan stops there: arbitrary floats stop at once).
struct GridScan {
    let largest: Double, fractionBits: Int

    init?(_ values: [Float], unitsLimit: Double = .infinity) {
        // In pieces of 128 K values the cores take in turn, above 256 K values: a key's 1 M-value
        // input was scanned on one core while the other waited for the convolution to start.
        let parts = WindowSums.pieces(forValues: values.count)
        var kinds = [Int32](repeating: 0, count: parts), largests = [Float](repeating: 0, count: parts)
        values.withUnsafeBufferPointer { v in
            kinds.withUnsafeMutableBufferPointer { kinds in
                largests.withUnsafeMutableBufferPointer { largests in
                    let (k, l) = (kinds.baseAddress!, largests.baseAddress!)
                    WindowSums.inParallel(v.count, parts: parts) { part, range in
                        k[part] = convscope_scan_values(v.baseAddress.map { $0 + range.lowerBound }, Int64(range.count), &l[part])
                    }
                }
            }
        }
        let kind = kinds.max() ?? 0, largest = largests.max() ?? 0
        if kind == 2 { return nil }
        self.largest = Double(largest)
        var bits = 0
        if kind == 1 {
            for v in values where v != 0 && v.significandWidth - Int(v.exponent) > bits {
                bits = v.significandWidth - Int(v.exponent)
                if Double(largest) * exp2(bits) > unitsLimit { return nil }
            }
        }
        fractionBits = bits
    }
}

/// 2^bits as a Double.
func exp2(_ bits: Int) -> Double { Double(sign: .plus, exponent: bits, significand: 1) }

/// True when a bias holds −0.0. The direct path starts each sum at the bias, so an output whose
/// every product is −0.0 stays −0.0 — a sign the paths that add the bias last (Winograd, FFT)
/// cannot follow: such layers stay on the direct path.
func holdsNegativeZero(_ bias: [Float]?) -> Bool {
    (bias ?? []).contains { $0 == 0 && $0.sign == .minus }
}

/// The largest Σ|w| over one output channel's weights: times the largest input, plus the bias,
/// it bounds every partial sum of that channel's outputs.
func largestKernelSum(_ weights: Tensor4, outChannels: Int) -> Double {
    let perOutput = weights.storage.count / max(1, outChannels)
    var largest = 0.0
    weights.storage.withUnsafeBufferPointer { all in
        for o in 0..<outChannels {
            var sum = 0.0
            for v in all[(o * perOutput)..<((o + 1) * perOutput)] { sum += Double(abs(v)) }
            largest = max(largest, sum)
        }
    }
    return largest
}

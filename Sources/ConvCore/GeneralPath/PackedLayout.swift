import CConvKernels

/// Where the general path keeps each padded input value, packed weight and tap.
///
/// Input: for each channel, for each column phase r < stride_w, the padded rows holding padded
/// columns r, r + s, r + 2s, … followed by `CONVSCOPE_ROW_SLACK` zeros the kernel may read past
/// the last output column. Tap (c, ky, kx) of output (oy, ox) then reads
/// `offset(c, ky, kx) + oy·rowStep + ox`, contiguous in ox.
struct PackedLayout {
    let height: PaddedAxis, width: PaddedAxis
    let outH: Int, outW: Int
    let groups: Int, inPerGroup: Int, outPerGroup: Int, inChannels: Int
    let kernelTaps: Int
    /// Floats per packed row, per phase, per channel.
    let rowStride: Int, phaseStride: Int, planeStride: Int
    /// Columns per phase row.
    let phaseWidth: Int

    init(_ spec: Conv2dSpec) {
        height = spec.heightAxis; width = spec.widthAxis
        outH = height.outputSize; outW = width.outputSize
        groups = spec.groups; inPerGroup = spec.inChannelsPerGroup; outPerGroup = spec.outChannelsPerGroup
        inChannels = spec.parameters.inChannels
        kernelTaps = height.kernel * width.kernel
        phaseWidth = (width.paddedSize + width.stride - 1) / width.stride
        rowStride = phaseWidth + Int(CONVSCOPE_ROW_SLACK)
        phaseStride = height.paddedSize * rowStride
        planeStride = width.stride * phaseStride
    }

    /// Taps of one output channel: its group's channels × kernel rows × kernel columns.
    var taps: Int { inPerGroup * kernelTaps }
    /// Blocks of 4 output channels per group (the last one may be partial).
    var blocksPerGroup: Int { (outPerGroup + 3) / 4 }
    /// Floats between the inputs of output row oy and oy + 1.
    var rowStep: Int { height.stride * rowStride }
    /// Floats between the first channels of neighbouring groups.
    var groupStep: Int { inPerGroup * planeStride }
    /// Group-local channel ranges whose taps one kernel call sums (≈ `tapsPerChunk` taps each).
    var channelChunks: [Range<Int>] {
        let size = max(1, GeneralConvolution.tapsPerChunk / kernelTaps)
        return stride(from: 0, to: inPerGroup, by: size).map { $0..<min($0 + size, inPerGroup) }
    }

    /// Copies the input into padded, phase-split rows; returns the packed block.
    func packInput(_ input: Tensor4, into buffer: inout ScratchBuffer<Float>) -> UnsafeMutablePointer<Float> {
        let packed = buffer.reserve(inChannels * planeStride)
        let (h, w) = (height.size, width.size)
        let rowSource = height.paddedRange.map { height.source(of: $0) ?? -1 }
        let columnSource = width.paddedRange.map { width.source(of: $0) ?? -1 }
        let s = width.stride
        input.storage.withUnsafeBufferPointer { source in
            for c in 0..<inChannels {
                let plane = source.baseAddress! + c * h * w
                for r in 0..<s {
                    for py in 0..<height.paddedSize {
                        let row = packed + c * planeStride + r * phaseStride + py * rowStride
                        let sy = rowSource[py]
                        if sy < 0 { row.update(repeating: 0, count: rowStride); continue }
                        let sourceRow = plane + sy * w
                        var j = 0
                        for px in stride(from: r, to: width.paddedSize, by: s) {
                            let sx = columnSource[px]
                            row[j] = sx < 0 ? 0 : sourceRow[sx]
                            j += 1
                        }
                        (row + j).update(repeating: 0, count: rowStride - j)
                    }
                }
            }
        }
        return packed
    }

    /// Weights as [group][block of 4 output channels][tap][4], zeros for a partial block's
    /// missing channels; a tap's index is its index in PyTorch's [C_out, C_in/g, kH, kW] slice.
    func packWeights(_ weights: Tensor4, into buffer: inout ScratchBuffer<Float>) -> UnsafeMutablePointer<Float> {
        let packed = buffer.reserve(groups * blocksPerGroup * taps * 4)
        let tapCount = taps
        weights.storage.withUnsafeBufferPointer { source in
            for g in 0..<groups {
                for b in 0..<blocksPerGroup {
                    let block = packed + (g * blocksPerGroup + b) * tapCount * 4
                    for k in 0..<4 {
                        let local = b * 4 + k
                        let o = g * outPerGroup + local
                        for t in 0..<tapCount { block[t * 4 + k] = local < outPerGroup ? source[o * tapCount + t] : 0 }
                    }
                }
            }
        }
        return packed
    }

    /// For each tap (c, ky, kx) of a group, the packed offset it reads for output (0, 0).
    func tapOffsets(into buffer: inout ScratchBuffer<Int64>) -> UnsafeMutablePointer<Int64> {
        let offsets = buffer.reserve(taps)
        var t = 0
        for c in 0..<inPerGroup {
            for ky in 0..<height.kernel {
                for kx in 0..<width.kernel {
                    let column = kx * width.dilation
                    let phase = column % width.stride, shift = column / width.stride
                    offsets[t] = Int64(c * planeStride + phase * phaseStride + ky * height.dilation * rowStride + shift)
                    t += 1
                }
            }
        }
        return offsets
    }
}

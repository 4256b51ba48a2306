/// A ConvTranspose2d explained as the direct convolution it equals: the input with stride − 1
/// zeros inserted between cells, padded by dilation·(k − 1) − padding on each side (plus
/// output_padding at the bottom/right; a negative amount crops), convolved with stride 1 and the
/// same dilation by the kernel flipped in both axes with its in/out channels swapped per group.
public struct TransposedAsDirect: Equatable, Sendable {
    /// The transposed layer explained.
    public let layer: ConvTranspose2dLayer
    /// The input's height and width.
    public let inputHeight: Int, inputWidth: Int

    /// The explanation of `layer` on an input of `inputHeight` × `inputWidth`.
    public init(_ layer: ConvTranspose2dLayer, inputHeight: Int, inputWidth: Int) {
        self.layer = layer; self.inputHeight = inputHeight; self.inputWidth = inputWidth
    }

    /// Padding before (top/left) one axis of the zero-inserted input: d·(k − 1) − p (negative crops).
    public func padBefore(_ axis: PaddingSpec.Axis) -> Int {
        layer.dilation[axis] * (layer.kernelSize[axis] - 1) - layer.padding[axis]
    }

    /// Padding after (bottom/right): the same plus output_padding.
    public func padAfter(_ axis: PaddingSpec.Axis) -> Int { padBefore(axis) + layer.outputPadding[axis] }

    /// The size of the zero-inserted input along one axis, (n − 1)·s + 1.
    public func insertedSize(_ axis: PaddingSpec.Axis) -> Int {
        ((axis == .height ? inputHeight : inputWidth) - 1) * layer.stride[axis] + 1
    }

    /// The size of the direct convolution's input along one axis (inserted, then padded or cropped).
    public func directSize(_ axis: PaddingSpec.Axis) -> Int { insertedSize(axis) + padBefore(axis) + padAfter(axis) }

    /// Where input cell i lands in the direct form's input along one axis (it may be cropped away).
    public func directIndex(ofInput i: Int, _ axis: PaddingSpec.Axis) -> Int { i * layer.stride[axis] + padBefore(axis) }

    /// The input cell a direct-form position holds, or nil for an inserted or padding zero.
    public func inputIndex(ofDirect j: Int, _ axis: PaddingSpec.Axis) -> Int? {
        let shifted = j - padBefore(axis)
        let n = axis == .height ? inputHeight : inputWidth
        guard shifted >= 0, shifted % layer.stride[axis] == 0, shifted / layer.stride[axis] < n else { return nil }
        return shifted / layer.stride[axis]
    }

    /// The direct convolution's input [1, C_in, H′, W′]: the values where `inputIndex` finds a
    /// cell, zeros elsewhere.
    public func directInput(_ input: Tensor4) -> Tensor4 {
        let (h, w) = (directSize(.height), directSize(.width))
        var out = Tensor4(shape: [1, input.shape[1], max(h, 0), max(w, 0)])
        for c in 0..<input.shape[1] {
            for y in 0..<max(h, 0) {
                guard let iy = inputIndex(ofDirect: y, .height) else { continue }
                for x in 0..<max(w, 0) {
                    guard let ix = inputIndex(ofDirect: x, .width) else { continue }
                    out[0, c, y, x] = input[0, c, iy, ix]
                }
            }
        }
        return out
    }

    /// The direct convolution's weight [C_out, C_in/g, kH, kW] from the transposed one
    /// [C_in, C_out/g, kH, kW]: flipped in both axes, in and out channels swapped within each group.
    public func directWeight(_ weight: Tensor4) -> Tensor4 {
        let (kh, kw) = (layer.kernelSize.h, layer.kernelSize.w)
        let inPerGroup = layer.inChannels / layer.groups, outPerGroup = layer.outChannels / layer.groups
        var out = Tensor4(shape: [layer.outChannels, inPerGroup, kh, kw])
        for o in 0..<layer.outChannels {
            let group = o / outPerGroup, j = o % outPerGroup
            for i in 0..<inPerGroup {
                for ky in 0..<kh {
                    for kx in 0..<kw { out[o, i, ky, kx] = weight[group * inPerGroup + i, j, kh - 1 - ky, kw - 1 - kx] }
                }
            }
        }
        return out
    }

    /// The direct convolution itself: stride 1, no padding (it is in `directInput`), the layer's dilation and groups.
    public var directSpec: Conv2dSpec {
        var p = ConvParameters()
        p.hIn = directSize(.height); p.wIn = directSize(.width)
        p.inChannels = layer.inChannels; p.outChannels = layer.outChannels
        p.kernelSizeH = layer.kernelSize.h; p.kernelSizeW = layer.kernelSize.w
        p.strideH = 1; p.strideW = 1; p.paddingH = 0; p.paddingW = 0
        p.dilationH = layer.dilation.h; p.dilationW = layer.dilation.w
        return Conv2dSpec(p, groups: layer.groups)
    }

    /// The transposed convolution's output computed as the direct convolution (Conv2dForward).
    /// An output with an empty side (which PyTorch's CPU kernel returns rather than refusing) is empty here too.
    public func run(input: Tensor4, weight: Tensor4, bias: [Float]?) throws -> Tensor4 {
        let size = outputSize
        if size.h <= 0 || size.w <= 0 { return Tensor4(shape: [1, layer.outChannels, max(size.h, 0), max(size.w, 0)]) }
        return try Conv2dForward.run(input: directInput(input), weights: directWeight(weight), bias: bias, spec: directSpec,
                              threads: 1)
    }

    /// The output's height and width.
    public var outputSize: SpatialPair {
        SpatialPair(layer.outputSize(input: inputHeight, axis: .height), layer.outputSize(input: inputWidth, axis: .width))
    }

    /// How many (input cell, kernel tap) stamps of the scatter form land on output (y, x) per
    /// input channel: the product of each axis's count. Uneven counts are the checkerboard.
    public func overlapCount(y: Int, x: Int) -> Int { axisOverlap(y, .height) * axisOverlap(x, .width) }

    /// The number of (i, k) with i·s − p + k·d = y along one axis.
    public func axisOverlap(_ y: Int, _ axis: PaddingSpec.Axis) -> Int {
        let n = axis == .height ? inputHeight : inputWidth
        return (0..<layer.kernelSize[axis]).filter { k in
            let shifted = y + layer.padding[axis] - k * layer.dilation[axis]
            return shifted >= 0 && shifted % layer.stride[axis] == 0 && shifted / layer.stride[axis] < n
        }.count
    }

    /// Every output cell's overlap count, rows of the output.
    public var overlapCounts: [[Int]] {
        (0..<outputSize.h).map { y in (0..<outputSize.w).map { x in overlapCount(y: y, x: x) } }
    }
}

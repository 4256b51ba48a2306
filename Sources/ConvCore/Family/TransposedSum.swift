/// One product of an output cell's sum: a weight times an input value.
public struct SumTerm: Equatable, Sendable {
    /// The input channel and the position it is read at (direct form: in the direct input;
    /// scatter form: the input cell that stamps).
    public let channel: Int, y: Int, x: Int
    /// The kernel tap, in the weight's own indices (direct: the flipped kernel's; scatter: the transposed weight's).
    public let ky: Int, kx: Int
    public let weight: Float, value: Float
}

/// One output cell of a ConvTranspose2d written out both ways: the direct form's window over the
/// zero-inserted, padded input with the flipped kernel, and the scatter form's stamps that land on it.
public struct TransposedCellSum: Equatable, Sendable {
    /// Every tap of the direct window, zeros included (inserted and padding zeros read 0).
    public let direct: [SumTerm]
    /// Every stamp landing on the cell.
    public let scatter: [SumTerm]
    /// The bias added to both, or nil.
    public let bias: Float?

    /// The sum of the direct window's products plus the bias, in Double.
    public var directTotal: Double { direct.reduce(Double(bias ?? 0)) { $0 + Double($1.weight) * Double($1.value) } }
    /// The sum of the stamps plus the bias, in Double.
    public var scatterTotal: Double { scatter.reduce(Double(bias ?? 0)) { $0 + Double($1.weight) * Double($1.value) } }
}

extension TransposedAsDirect {
    /// Output cell (o, y, x) written out in both forms.
    public func cellSum(o: Int, y: Int, x: Int, input: Tensor4, weight: Tensor4, bias: [Float]?) -> TransposedCellSum {
        let inPerGroup = layer.inChannels / layer.groups, outPerGroup = layer.outChannels / layer.groups
        let group = o / outPerGroup, j = o % outPerGroup
        let channels = group * inPerGroup..<(group + 1) * inPerGroup
        let flipped = directWeight(weight), directInput = directInput(input)
        var direct: [SumTerm] = [], scatter: [SumTerm] = []
        for c in channels {
            for ky in 0..<layer.kernelSize.h {
                for kx in 0..<layer.kernelSize.w {
                    let dy = y + ky * layer.dilation.h, dx = x + kx * layer.dilation.w
                    direct.append(SumTerm(channel: c, y: dy, x: dx, ky: ky, kx: kx, weight: flipped[o, c - group * inPerGroup, ky, kx],
                                          value: directInput[0, c, dy, dx]))
                }
            }
            for iy in 0..<inputHeight {
                for ix in 0..<inputWidth {
                    for ky in 0..<layer.kernelSize.h where iy * layer.stride.h - layer.padding.h + ky * layer.dilation.h == y {
                        for kx in 0..<layer.kernelSize.w
                        where ix * layer.stride.w - layer.padding.w + kx * layer.dilation.w == x {
                            scatter.append(SumTerm(channel: c, y: iy, x: ix, ky: ky, kx: kx, weight: weight[c, j, ky, kx],
                                                   value: input[0, c, iy, ix]))
                        }
                    }
                }
            }
        }
        return TransposedCellSum(direct: direct, scatter: scatter, bias: bias?[o])
    }
}

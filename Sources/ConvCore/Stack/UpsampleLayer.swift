/// `nn.Upsample(size=…, scale_factor=…, mode='nearest'|'bilinear', align_corners=…)` in a stack;
/// its sizes, taps and values are the graph's resampling (`GraphResizing`, `GraphResampling`).
public struct UpsampleLayer: StackModule {
    /// `size=`: the output height and width, or nil when a scale factor is given.
    public var size: IntOrPair?
    /// `scale_factor=` as PyTorch stores it (floats): one for both axes, or (h, w).
    public var scaleFactor: [Double]?
    /// `mode=`.
    public var mode: GraphResize.Mode
    /// `align_corners=`: nil when not given (False for bilinear).
    public var alignCorners: Bool?

    /// An Upsample layer; exactly one of `size` and `scaleFactor` is given.
    public init(size: IntOrPair? = nil, scaleFactor: [Double]? = nil, mode: GraphResize.Mode = .nearest, alignCorners: Bool? = nil) {
        (self.size, self.scaleFactor, self.mode, self.alignCorners) = (size, scaleFactor, mode, alignCorners)
    }

    /// The `size=` and `scale_factor=` convscope follows (a side past `StackLimits.mapSide` is refused by the trace).
    static let sizes: ClosedRange<Int> = 1...StackLimits.mapSide, scales: ClosedRange<Double> = 1.0 / 1024...1024

    /// The table's row: PyTorch's parameters and defaults, and the checks its constructor and
    /// F.interpolate make before a value is computed.
    static let kind = LayerKind(
        LayerSignature(name: "Upsample", parameters: ["size", "scale_factor", "mode", "align_corners",
                                                      "recompute_scale_factor"], required: 0),
        hiddenByPrint: [HiddenArgument(name: "align_corners", assumed: "None")]
    ) { a throws(LayerParseError) in
        let size = a.hasValue("size") ? try a.intOrPair("size", in: UpsampleLayer.sizes) : nil
        let scale = a.hasValue("scale_factor") ? try a.scales("scale_factor", in: UpsampleLayer.scales) : nil
        guard (size == nil) != (scale == nil) else {
            throw .syntax(text: a.text, column: 1, problem: "Upsample takes exactly one of size and scale_factor")
        }
        let mode = GraphResize.Mode(rawValue: try a.choice("mode", from: ["nearest", "bilinear"], default: "nearest"))!
        let align = a.hasValue("align_corners") ? try a.bool("align_corners", default: false) : nil
        if align != nil, mode == .nearest {
            throw .syntax(text: a.text, column: 1, problem: "align_corners option can only be set with the interpolating "
                          + "modes: linear | bilinear | bicubic | trilinear")
        }
        if a.hasValue("recompute_scale_factor"), try a.bool("recompute_scale_factor", default: false) {
            throw .syntax(text: a.text, column: 1, problem: "recompute_scale_factor=True is not followed; leave it None")
        }
        return .module(ModuleLayer(UpsampleLayer(size: size, scaleFactor: scale, mode: mode, alignCorners: align)))
    }

    public var name: String { "Upsample" }

    public var pytorchRepr: String {
        let what = if let size { "size=\(size.text)" } else {
            "scale_factor=" + (scaleFactor!.count == 1 ? pythonFloat(scaleFactor![0])
                                : "(" + scaleFactor!.map(pythonFloat).joined(separator: ", ") + ")")
        }
        // PyTorch's extra_repr shows neither align_corners nor recompute_scale_factor.
        return "Upsample(\(what), mode='\(mode.rawValue)')"
    }

    /// The graph's description of the same resampling.
    var resize: GraphResize {
        GraphResize(size: size.map { [$0.pair.h, $0.pair.w] }, scale: scaleFactor.map { $0.count == 1 ? [$0[0], $0[0]] : $0 },
                    mode: mode, alignCorners: alignCorners ?? false)
    }

    public func outputShape(input shape: [Int]) throws(StackLayerError) -> [Int] {
        do throws(GraphError) {
            return try GraphResizing.shape(resize, (shape: shape, reach: nil)).0
        } catch {
            throw .module(pythonType: error.pythonType, message: error.message)
        }
    }

    public func sources(axis: PaddingSpec.Axis, input: Int, output: Int) -> [[Int]] {
        GraphResizing.taps(resize, axis: axis == .height ? 0 : 1, input: input, output: output).map {
            ($0.w0 != 0 ? [$0.i0] : []) + ($0.w1 != 0 ? [$0.i1] : [])
        }
    }

    public func forward(_ input: Tensor4, output shape: [Int]) -> Tensor4 {
        let out = GraphResampling.run(resize, GraphTensor(shape: input.shape, storage: input.storage), shape: shape)
        return Tensor4(shape: out.shape, storage: out.storage)
    }

    public func cellValue(y: Int, x: Int, input: [Int], output: [Int], read: (Int, Int) -> Float) -> Float {
        let r = GraphResizing.taps(resize, axis: 0, input: input[2], output: output[2])[y]
        let c = GraphResizing.taps(resize, axis: 1, input: input[3], output: output[3])[x]
        if mode == .nearest { return read(r.i0, c.i0) }
        // GraphResampling's float32 order: h0·(w0·a + w1·b) + h1·(w0·c + w1·d).
        return r.w0 * (c.w0 * read(r.i0, c.i0) + c.w1 * read(r.i0, c.i1)) + r.w1 * (c.w0 * read(r.i1, c.i0) + c.w1 * read(r.i1, c.i1))
    }

    public func sizeRule(axis: PaddingSpec.Axis, input: Int, output: Int) -> String {
        let side = axis == .height ? "H" : "W"
        if size != nil { return "\(side)_out = size = \(output)" }
        let scale = scaleFactor!.count == 1 ? scaleFactor![0] : scaleFactor![axis == .height ? 0 : 1]
        return "\(side)_out = \u{230A}\(side)_in \u{00D7} scale_factor\u{230B} = \u{230A}\(input) \u{00D7} \(pythonFloat(scale))\u{230B} = \(output)"
    }
}

extension BoundArguments {
    /// `scale_factor=`: a positive number for both axes, or a tuple of two, read as floats as PyTorch stores them.
    func scales(_ name: String, in range: ClosedRange<Double>) throws(LayerParseError) -> [Double] {
        func number(_ v: SyntaxValue) -> Double? {
            switch v {
            case let .int(n): Double(n)
            case let .float(d): d
            default: nil
            }
        }
        let (value, column) = raw(name)!
        let items: [SyntaxValue]
        if case let .tuple(pair) = value { items = pair } else { items = [value] }
        let numbers = items.compactMap(number)
        guard numbers.count == items.count, (1...2).contains(numbers.count), numbers.allSatisfy(range.contains) else {
            throw .syntax(text: text, column: column,
                          problem: "\(name) must be a number in \(range.lowerBound)…\(range.upperBound) or a tuple of two")
        }
        return numbers
    }
}

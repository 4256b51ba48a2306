/// `padding=` as the `padding` row chooses it: the amounts padding_h and padding_w, or one of
/// PyTorch's two strings.
public enum PaddingChoice: String, CaseIterable, Sendable {
    case explicit, same, valid
}

/// The whole layer on screen: the module (`Conv2dLayer`) and the input's size, with what only
/// the course screen has: the padding row's choice, the bias value, the input and kernel sources,
/// loaded files, the layer kind and output_padding. The twelve sliders (`geometry`) are a view.
///
/// Reading a slider's name (`settings.hIn`) gives the value the convolution runs with: the
/// input's actual height and width (swapped for the course notebook's tensor).
@dynamicMemberLookup
public struct Conv2dSettings: Hashable, Sendable {
    /// The module's arguments as the rows hold them: its padding is the padding_h and padding_w
    /// amounts, which the padding row may replace by 'same' or 'valid' (`paddingChoice`; `layer`
    /// is the module with the choice applied). Its bias flag is `bias`'s, read by `layer`.
    public var module = Conv2dLayer(ConvParameters())
    /// The h_in and w_in sliders (a generated input may swap them, `InputSource.planeSize`).
    public var inputHeight: Int, inputWidth: Int
    public var paddingChoice: PaddingChoice = .explicit
    /// One bias for every output channel, or nil for `bias=False` (the notebook's).
    public var bias: Float?
    public var input: LayerInput = .generated(.rampX)
    public var kernel: LayerKernel = .preset(.ones)
    /// The last files loaded, so cycling the input or kernel row can come back to them.
    public var loadedInput: LoadedFile<Tensor4>?
    public var loadedKernel: LoadedFile<KernelFile>?
    /// Conv2d (the notebook's) or ConvTranspose2d on the same rows (`TransposedSettings`).
    public var layerKind: CourseLayerKind = .conv2d
    /// ConvTranspose2d's `output_padding=` (ignored by Conv2d).
    public var outputPaddingH = 0, outputPaddingW = 0

    /// The notebook's layer: ramp input, all-ones kernel, zero padding, no groups, no bias.
    public init(_ geometry: ConvParameters = ConvParameters()) {
        (inputHeight, inputWidth) = (geometry.hIn, geometry.wIn)
        self.geometry = geometry
    }

    /// The notebook's twelve sliders as the panel shows them: a view of `module` and the input's
    /// size; writing them rewrites those (padding mode and groups stay).
    public var geometry: ConvParameters {
        get { ConvParameters(module, inputHeight: inputHeight, inputWidth: inputWidth) }
        set {
            module = Conv2dLayer(newValue, paddingMode: module.paddingMode, groups: module.groups)
            (inputHeight, inputWidth) = (newValue.hIn, newValue.wIn)
        }
    }
    /// `padding_mode=`.
    public var paddingMode: PaddingMode {
        get { module.paddingMode }
        set { module.paddingMode = newValue }
    }
    /// `groups=`.
    public var groups: Int {
        get { module.groups }
        set { module.groups = newValue }
    }

    /// The layer as PyTorch gets it, on the input's real height and width.
    public var spec: Conv2dSpec {
        var (height, width) = (inputHeight, inputWidth)
        if case .generated(let source) = input { (height, width) = source.planeSize(hIn: height, wIn: width) }
        var layer = module
        layer.padding = paddingChoice.padding(h: module.paddingH, w: module.paddingW)
        return Conv2dSpec(layer, inputHeight: height, inputWidth: width, bias: bias)
    }

    /// The sliders the convolution runs with: the input's real height and width, and the padding
    /// 'same' or 'valid' applies before each axis ('same' with an odd total pads one more after).
    public var applied: ConvParameters {
        let spec = self.spec
        var p = spec.parameters
        p.paddingH = spec.heightAxis.padding.before
        p.paddingW = spec.widthAxis.padding.before
        return p
    }

    public subscript<T>(dynamicMember path: KeyPath<ConvParameters, T>) -> T { applied[keyPath: path] }

    /// Reads the applied value, writes the slider (the same unless the input is the notebook's).
    public subscript<T>(dynamicMember path: WritableKeyPath<ConvParameters, T>) -> T {
        get { applied[keyPath: path] }
        set { geometry[keyPath: path] = newValue }
    }

    /// The height axis of the output-size formula, with 'same''s uneven split.
    public var heightAxis: AxisGeometry { formulaAxis(applied.heightAxis, spec.heightAxis.padding) }
    /// The width axis of the output-size formula.
    public var widthAxis: AxisGeometry { formulaAxis(applied.widthAxis, spec.widthAxis.padding) }

    private func formulaAxis(_ axis: AxisGeometry, _ padding: AxisPadding) -> AxisGeometry {
        var a = axis
        a.extraAfter = padding.after - padding.before
        return a
    }

    /// A row's value as the table counts it: the slider, the choice's index, groups, or the
    /// bias rounded (0 for none).
    public subscript(id: ParameterID) -> Int {
        get {
            switch id {
            case .paddingMode: PaddingMode.allCases.firstIndex(of: paddingMode)!
            case .padding: PaddingChoice.allCases.firstIndex(of: paddingChoice)!
            case .groups: groups
            case .bias: Int((bias ?? 0).rounded())
            case .input: input.choiceIndex
            case .kernel: kernel.choiceIndex
            case .layerKind: CourseLayerKind.allCases.firstIndex(of: layerKind)!
            case .outputPaddingH: outputPaddingH
            case .outputPaddingW: outputPaddingW
            default: geometry[id]
            }
        }
        set { setClamped(id, newValue) }
    }

    /// A `.number` row's value (the bias), nil for none.
    public subscript(number id: ParameterID) -> Float? {
        get { id == .bias ? bias : Float(self[id]) }
        set {
            if id == .bias { bias = newValue } else { self[id] = Int(newValue ?? 0) }
        }
    }

    /// The row that decides this row's value instead of it, if any: 'same' or 'valid' computes
    /// the padding amounts; an input file sets the input's size and channels; a kernel file sets
    /// the kernel size (and a 4-D one the row of its first dimension). Nil when the row's own value counts.
    public func overrider(of id: ParameterID) -> ParameterID? {
        if [.paddingH, .paddingW].contains(id), paddingChoice != .explicit { return .padding }
        if case .file = input, [.hIn, .wIn, .inChannels].contains(id) { return .input }
        if case .file(let file) = kernel {
            // A 4-D file's first dimension: a Conv2d's out_channels, a ConvTranspose2d's in_channels.
            let firstDimension: ParameterID = layerKind == .convTranspose2d ? .inChannels : .outChannels
            if [.kernelSizeH, .kernelSizeW].contains(id) || (id == firstDimension && file.content.shape.count == 4) {
                return .kernel
            }
        }
        return nil
    }

    /// Makes 'same' or 'valid' explicit with the amounts they applied before each axis: editing an
    /// amount they decided starts from what the screen showed, and the amount then counts.
    public mutating func makePaddingExplicit() {
        guard paddingChoice != .explicit else { return }
        let shown = applied
        paddingChoice = .explicit
        geometry.paddingH = shown.paddingH
        geometry.paddingW = shown.paddingW
    }

    /// The padding 'same' or 'valid' applies on a padding row's axis, as the panel writes it:
    /// `1+2` where 'same' pads one more after; nil on other rows or with explicit amounts. A
    /// ConvTranspose2d's string pads nothing (PyTorch refuses it, `transposedRepr`): `-`.
    public func decidedPaddingText(_ id: ParameterID) -> String? {
        guard overrider(of: id) == .padding else { return nil }
        if layerKind == .convTranspose2d { return "-" }
        let padding = id == .paddingH ? spec.heightAxis.padding : spec.widthAxis.padding
        return padding.before == padding.after ? "\(padding.before)" : "\(padding.before)+\(padding.after)"
    }

    /// Sets a row from its table value, clamped into range; a choice row moves to that choice
    /// (skipping `file` when no file was loaded). Rows a file fixes are left alone.
    public mutating func setClamped(_ id: ParameterID, _ value: Int) {
        guard !isFixedByFile(id) else { return }
        let v = min(max(value, id.range.lowerBound), id.range.upperBound)
        switch id {
        case .paddingMode: paddingMode = PaddingMode.allCases[v]
        case .padding: paddingChoice = PaddingChoice.allCases[v]
        case .groups: groups = v
        case .bias: bias = Float(v)
        case .input:
            if v < InputSource.all.count { input = .generated(InputSource.all[v]) }
            else if let file = loadedInput { useInput(.file(file)) }
        case .kernel:
            if v < KernelPreset.all.count { kernel = .preset(KernelPreset.all[v]) }
            else if let file = loadedKernel, fits(file.content) { kernel = .file(file) }
        case .layerKind:
            layerKind = CourseLayerKind.allCases[v]
            fitChannelsToKernelFile()
            // An input file keeps in_channels, so a 4-D file another kind read may not fit a Conv2d's
            // weight; the Conv2d has no refusal to show for it, so the row goes back to the preset
            // it then computes with (a ConvTranspose2d and a Conv1d show load_state_dict's refusal).
            if layerKind == .conv2d, case .file(let file) = kernel, !fits(file.content) { kernel = .preset(.ones) }
        case .outputPaddingH: outputPaddingH = v
        case .outputPaddingW: outputPaddingW = v
        default: geometry.setClamped(id, v)
        }
    }

    /// Reads from `input`; a file sets h_in, w_in and in_channels to its shape.
    public mutating func useInput(_ new: LayerInput) {
        input = new
        if case .file(let file) = new {
            loadedInput = file
            let shape = file.content.shape
            (geometry.inChannels, geometry.hIn, geometry.wIn) = (shape[1], shape[2], shape[3])
        }
    }

    /// Weighs with `new`; a file sets the kernel size (and a 4-D one its first dimension's row:
    /// out_channels, a ConvTranspose2d's in_channels), and must fit the rest. Throws the file's
    /// one-line error when it does not.
    public mutating func useKernel(_ new: LayerKernel) throws(InputFileError) {
        if case .file(let file) = new {
            let shape = file.content.shape
            var trial = self
            (trial.geometry.kernelSizeH, trial.geometry.kernelSizeW) = file.content.kernelSize
            if layerKind == .convTranspose2d {
                if shape.count == 4, !trial.hasInputFile { trial.geometry.inChannels = shape[0] }
                try trial.checkTransposedFit(file)
            } else {
                if shape.count == 4 { trial.geometry.outChannels = shape[0] }
                _ = try file.content.weights(for: trial.spec, name: file.name)
            }
            self = trial
            loadedKernel = file
        }
        kernel = new
    }

    /// True when the kernel file fits the layer as it is now (as the layer kind reads a weight).
    func fits(_ file: KernelFile) -> Bool {
        if layerKind == .convTranspose2d { return transposedFits(file) }
        return (try? file.weights(for: spec, name: "")) != nil
    }

    /// The file (input or kernel) that fixes this row, if any: its shape sets it.
    public func fixingFile(_ id: ParameterID) -> String? {
        if case .file(let file) = input, [.hIn, .wIn, .inChannels].contains(id) { return file.name }
        if case .file(let file) = kernel {
            var fixed: [ParameterID] = [.kernelSizeH, .kernelSizeW]
            if file.content.shape.count == 4 { fixed += [.outChannels, .inChannels, .groups] }
            if fixed.contains(id) { return file.name }
        }
        return nil
    }

    /// True when a file fixes this row.
    public func isFixedByFile(_ id: ParameterID) -> Bool { fixingFile(id) != nil }

    /// PyTorch's verdict on the layer: nil when it runs.
    public func validate() -> Conv2dError? { spec.validate() }
    /// The output shape [1, C_out, H_out, W_out], or nil when PyTorch refuses the layer.
    public var outputShape: [Int]? { spec.outputShape }
    /// The weight shape [C_out, C_in/groups, kH, kW].
    public var kernelShape: [Int] { spec.kernelShape }

    /// The input tensor (1, C_in, H, W).
    public func makeInput() -> Tensor4 {
        switch input {
        case .generated(let source):
            source.makeInput(channels: geometry.inChannels, hIn: geometry.hIn, wIn: geometry.wIn)
        case .file(let file): file.content
        }
    }

    /// The weight tensor [C_out, C_in/groups, kH, kW] (zeros if a kernel file no longer fits,
    /// which the setters never allow).
    public func makeWeights() -> Tensor4 {
        let spec = self.spec
        switch kernel {
        case .preset(let preset): return preset.makeWeights(spec)
        case .file(let file): return (try? file.content.weights(for: spec, name: file.name)) ?? Tensor4(shape: spec.kernelShape)
        }
    }
}

/// A number as Python prints a float that is whole (`2`, not `2.0`) or the shortest round trip.
public func formatNumber(_ v: Float) -> String {
    v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v)
}

extension Conv2dError {
    /// The rows that contribute to the error, for marking them on screen.
    public func culprits(in s: Conv2dSettings) -> [ParameterID] {
        switch self {
        case .groupsNotPositive: [.groups]
        case .inChannelsNotDivisibleByGroups: [.inChannels, .groups]
        case .outChannelsNotDivisibleByGroups: [.outChannels, .groups]
        case .sameWithStride: [.padding, .strideH, .strideW].filter { $0 == .padding || s.geometry[$0] != 1 }
        case let .reflectPaddingTooLarge(argument, _, _, _):
            argument == 4 ? [.paddingMode, .wIn, .paddingW] : [.paddingMode, .hIn, .paddingH]
        case .circularWrapsMoreThanOnce: [.paddingMode, .paddingH, .paddingW]
        case let .kernelLargerThanPaddedInput(error): error.culprits(in: s.applied)
        }
    }
}

extension Conv2dSettings {
    /// The top of the input's colour scale before it is built: the ramp's length (the notebook's
    /// `vmax`), 1 for the impulse and the checkerboard, 9 for random; nil for a file (its maximum).
    public var inputScaleMax: Float? {
        switch input {
        case .generated(let source): source.scaleMax(height: applied.hIn, width: applied.wIn)
        case .file: nil
        }
    }
}

extension Conv2dSettings {
    /// The input as feature maps: a generated pattern other than random repeats one plane on
    /// every channel, so it is built and stored once.
    public func makeInputMaps() -> FeatureMaps {
        switch input {
        case .generated(.random): FeatureMaps(everyChannelOf: makeInput())
        case .generated(let source):
            if geometry.inChannels == 0 { FeatureMaps(everyChannelOf: makeInput()) } else {
                FeatureMaps(
                    shape: spec.inputShape, planeOfChannel: [Int](repeating: 0, count: geometry.inChannels),
                    storage: source.makeInput(channels: 1, hIn: geometry.hIn, wIn: geometry.wIn).storage)
            }
        case .file(let file): FeatureMaps(file.content)
        }
    }

    /// The kernels as slices [1, C_out · C_in/groups, kH, kW], each distinct slice once (all ones:
    /// one slice, never the whole tensor written out).
    public func makeKernelMaps() -> FeatureMaps {
        let s = kernelShape, slices = s[0] * s[1]
        if kernel.isOnes {
            return FeatureMaps(shape: [1, slices, s[2], s[3]], planeOfChannel: [Int](repeating: 0, count: slices),
                               storage: slices == 0 ? [] : [Float](repeating: 1, count: s[2] * s[3]))
        }
        return FeatureMaps(Tensor4(shape: [1, slices, s[2], s[3]], storage: makeWeights().storage))
    }
}

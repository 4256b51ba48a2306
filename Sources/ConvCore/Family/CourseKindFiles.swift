/// What each layer kind of the course screen makes of the rows a Conv2d reads: a loaded file is
/// read as that kind's layer reads it (or refused as PyTorch refuses it), and a row the kind has
/// no argument for says so instead of showing a value nothing uses.
extension Conv2dSettings {
    /// True when the layer kind has no argument for this row: output_padding is a
    /// ConvTranspose2d's only (nn.Conv2d and nn.Conv1d do not take it), and a Conv1d's one axis
    /// is the width rows' (it has no height rows).
    public func kindIgnores(_ id: ParameterID) -> Bool {
        switch layerKind {
        case .convTranspose2d: false
        case .conv2d: Self.outputPaddingRows.contains(id)
        case .conv1d: Self.outputPaddingRows.contains(id) || Self.heightRows.contains(id)
        }
    }

    /// The output_padding rows.
    public static let outputPaddingRows: Set<ParameterID> = [.outputPaddingH, .outputPaddingW]
    /// The rows of the height axis, which a Conv1d does not have.
    public static let heightRows: Set<ParameterID> = [.hIn, .kernelSizeH, .paddingH, .strideH, .dilationH]

    /// Why the layer kind ignores the row, naming what it takes instead (for a command line
    /// refusing its flag); nil for the rows it reads.
    public func kindIgnoreReason(_ id: ParameterID) -> String? {
        guard kindIgnores(id) else { return nil }
        let kind = layerKind.rawValue
        if Self.outputPaddingRows.contains(id) {
            return "nn.\(kind) takes no output_padding (a ConvTranspose2d's); give --layer-kind ConvTranspose2d or leave it out"
        }
        let width = id.partner?.flag ?? ParameterID.wIn.flag
        return "nn.Conv1d has one axis, read from the width rows; give \(width) or leave it out"
    }

    /// The panel's text for a row the layer kind ignores (`-`), nil for the rows it reads.
    public func ignoredRowText(_ id: ParameterID) -> String? { kindIgnores(id) ? "-" : nil }

    /// The kernel file as the transposed layer's weight [C_in, C_out/g, kH, kW]: a 2-D filter on
    /// the diagonal as the presets are laid, a 4-D array when it has that shape; else PyTorch's
    /// refusal of loading it (`load_state_dict`'s size mismatch). Nil for a preset.
    public func transposedFileWeight() -> Result<Tensor4, TransposedRefusal>? {
        guard case .file(let file) = kernel else { return nil }
        let shape = transposedLayer.weightShape
        guard let weight = Self.transposedWeight(file.content, weight: shape) else {
            let error = Self.sizeMismatch(layer: CourseLayerKind.convTranspose2d.rawValue, file: file.content.shape, model: shape)
            return .failure(TransposedRefusal(pythonType: "RuntimeError", message: error, culprits: [.kernel]))
        }
        return .success(weight)
    }

    /// A kernel file as a transposed weight of shape `weight` [C_in, C_out/g, kH, kW]: a 4-D file
    /// of that shape as it is, a (kH, kW) filter on the diagonal pairs as the presets are laid;
    /// nil for another shape. The course screen's ConvTranspose2d and a stack's both read files so.
    public static func transposedWeight(_ file: KernelFile, weight shape: [Int]) -> Tensor4? {
        guard transposedTakes(file.shape, weight: shape) else { return nil }
        return file.shape == shape ? Tensor4(shape: shape, storage: file.values) : KernelPreset.spreadOnDiagonal(file.values, shape: shape)
    }

    /// True when a kernel file of `fileShape` is a transposed weight of shape `weight`
    /// [C_in, C_out/g, kH, kW]: that weight itself, or a (kH, kW) filter for its diagonal.
    static func transposedTakes(_ fileShape: [Int], weight: [Int]) -> Bool {
        fileShape == weight || fileShape == Array(weight[2...])
    }

    /// True when the input is a file (it sets in_channels).
    var hasInputFile: Bool {
        if case .file = input { return true }
        return false
    }

    /// True when the kernel file is a weight the transposed layer takes as it is now.
    func transposedFits(_ file: KernelFile) -> Bool {
        groups > 0 && Self.transposedTakes(file.shape, weight: transposedLayer.weightShape)
    }

    /// Throws the file's one-line error when the transposed layer cannot take it as its weight.
    func checkTransposedFit(_ file: LoadedFile<KernelFile>) throws(InputFileError) {
        guard !transposedFits(file.content) else { return }
        let layer = groups > 0 ? transposedLayer.weightShape : []
        throw InputFileError(file: file.name, problem: .kernelShapeMismatch(file: file.content.shape, layer: layer),
                             accepted: Self.transposedKernelAccepted)
    }

    /// What a ConvTranspose2d's kernel file may hold, for its error message.
    static let transposedKernelAccepted = "\(NPYReader.acceptedData), shape (kH, kW) or, for a ConvTranspose2d, "
        + "(C_in, C_out/groups, kH, kW)"

    /// `items` in the order their rows are read into settings (the flags, a saved session): the
    /// layer kind first, since it decides how a 4-D kernel file's dimensions set the channel rows
    /// (`fitChannelsToKernelFile`), then the rest in their order.
    public static func layerKindFirst<Item>(_ items: [Item], row: (Item) -> ParameterID?) -> [Item] {
        items.filter { row($0) == .layerKind } + items.filter { row($0) != .layerKind }
    }

    /// After the layer kind changes, a 4-D kernel file's rows are read the kind's way: a Conv2d's
    /// or Conv1d's weight is (C_out, C_in/groups, …), a ConvTranspose2d's (C_in, C_out/groups, …);
    /// in_channels stays an input file's.
    mutating func fitChannelsToKernelFile() {
        guard case .file(let file) = kernel, file.content.shape.count == 4, groups > 0 else { return }
        let shape = file.content.shape
        let (first, second) = (shape[0], shape[1] * groups)
        let (inChannels, outChannels) = layerKind == .convTranspose2d ? (first, second) : (second, first)
        if !hasInputFile { geometry.inChannels = inChannels }
        geometry.outChannels = outChannels
    }

    /// `load_state_dict`'s refusal of a weight of another shape, on one line.
    static func sizeMismatch(layer: String, file: [Int], model: [Int]) -> String {
        "Error(s) in loading state_dict for \(layer): size mismatch for weight: copying a param with shape "
            + "torch.Size(\(sizeList(file))) from checkpoint, the shape in current model is torch.Size(\(sizeList(model)))."
    }
}

extension CourseSequence {
    /// The input file as a sequence [1, C, L]: a file one row high is the sequence along its
    /// width; a taller one is the 4-D tensor conv1d refuses (PyTorch's message). Nil for a
    /// generated input.
    public static func fileInput(_ settings: Conv2dSettings) -> Result<TensorN, FamilyError>? {
        guard case .file(let file) = settings.input else { return nil }
        let shape = file.content.shape
        guard shape[2] == 1 else {
            return .failure(.runtime("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: \(sizeList(shape))"))
        }
        return .success(TensorN(shape: [shape[0], shape[1], shape[3]], storage: file.content.storage))
    }

    /// The kernel file as the Conv1d's weight [C_out, C_in/g, k]: a filter one row high (2-D on
    /// the diagonal, 4-D as it is); a taller one is refused as `load_state_dict` refuses it. Nil
    /// for a preset.
    public static func fileWeight(_ settings: Conv2dSettings, shape: [Int]) -> Result<TensorN, FamilyError>? {
        guard case .file(let file) = settings.kernel else { return nil }
        // A file that no longer fits the rows (the kind changed with an input file loaded) is refused
        // by its own shape, never computed as zeros.
        let planar = try? file.content.weights(for: settings.spec, name: file.name)
        guard let planar, planar.shape[2] == 1, [planar.shape[0], planar.shape[1], planar.shape[3]] == shape else {
            let message = Conv2dSettings.sizeMismatch(
                layer: CourseLayerKind.conv1d.rawValue, file: planar?.shape ?? file.content.shape, model: shape)
            return .failure(.runtime(message))
        }
        return .success(TensorN(shape: shape, storage: planar.storage))
    }
}

/// A refusal is what a weight that cannot be loaded gives (`transposedFileWeight`).
extension TransposedRefusal: Error {}

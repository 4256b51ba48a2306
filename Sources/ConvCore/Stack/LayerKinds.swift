/// One row per layer kind a stack knows: the constructor's parameters in PyTorch's order, what
/// its print hides, and how its arguments build the layer with PyTorch's defaults and checks.
/// The layer parser, the print reader and the fx graph's module list read only this table; a
/// kind whose maths is a `StackModule` (Upsample) needs nothing else.
struct LayerKind: Sendable {
    typealias Build = @Sendable (BoundArguments) throws(LayerParseError) -> StackLayer
    let signature: LayerSignature
    /// The arguments the module's print never shows, with PyTorch's defaults.
    let hiddenByPrint: [HiddenArgument]
    let build: Build

    init(_ signature: LayerSignature, hiddenByPrint: [HiddenArgument] = [], build: @escaping Build) {
        (self.signature, self.hiddenByPrint, self.build) = (signature, hiddenByPrint, build)
    }

    var name: String { signature.name }

    /// The row of `name`, nil for a module no row describes.
    static func named(_ name: String) -> LayerKind? { all.first { $0.name == name } }

    static let all: [LayerKind] = [
        LayerKind(LayerSignature(name: "Conv2d", parameters: ["in_channels", "out_channels", "kernel_size", "stride", "padding",
                                                              "dilation", "groups", "bias", "padding_mode"], required: 3),
                  build: LayerBuilders.conv2d),
        LayerKind(LayerSignature(name: "ConvTranspose2d",
                                 parameters: ["in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding",
                                              "groups", "bias", "dilation", "padding_mode"], required: 3),
                  build: LayerBuilders.convTranspose2d),
        LayerKind(LayerSignature(name: "MaxPool2d", parameters: ["kernel_size", "stride", "padding", "dilation", "return_indices",
                                                                 "ceil_mode"], required: 1),
                  build: LayerBuilders.maxPool2d),
        LayerKind(LayerSignature(name: "AvgPool2d", parameters: ["kernel_size", "stride", "padding", "ceil_mode",
                                                                 "count_include_pad", "divisor_override"], required: 1),
                  hiddenByPrint: [HiddenArgument(name: "ceil_mode", assumed: "False"),
                                  HiddenArgument(name: "count_include_pad", assumed: "True"),
                                  HiddenArgument(name: "divisor_override", assumed: "None")],
                  build: LayerBuilders.avgPool2d),
        LayerKind(LayerSignature(name: "ReLU", parameters: ["inplace"], required: 0)) { a throws(LayerParseError) in
            .shapePreserving(.relu(inplace: try a.bool("inplace", default: false)))
        },
        LayerKind(LayerSignature(name: "LeakyReLU", parameters: ["negative_slope", "inplace"], required: 0)) { a throws(LayerParseError) in
            .shapePreserving(.leakyReLU(negativeSlope: try a.double("negative_slope", default: 0.01)!,
                                        inplace: try a.bool("inplace", default: false)))
        },
        LayerKind(LayerSignature(name: "Sigmoid", parameters: [], required: 0)) { _ throws(LayerParseError) in .shapePreserving(.sigmoid) },
        LayerKind(LayerSignature(name: "Tanh", parameters: [], required: 0)) { _ throws(LayerParseError) in .shapePreserving(.tanh) },
        LayerKind(LayerSignature(name: "GELU", parameters: ["approximate"], required: 0)) { a throws(LayerParseError) in
            .shapePreserving(.gelu(tanhApproximation: try a.choice("approximate", from: ["none", "tanh"], default: "none") == "tanh"))
        },
        LayerKind(LayerSignature(name: "BatchNorm2d", parameters: ["num_features", "eps", "momentum", "affine",
                                                                   "track_running_stats", "bias"], required: 1, positional: 5),
                  build: LayerBuilders.batchNorm2d),
        LayerKind(LayerSignature(name: "Dropout", parameters: ["p", "inplace"], required: 0)) { a throws(LayerParseError) in
            .shapePreserving(.dropout(p: try a.double("p", default: 0.5)!, inplace: try a.bool("inplace", default: false)))
        },
        LayerKind(LayerSignature(name: "Dropout2d", parameters: ["p", "inplace"], required: 0)) { a throws(LayerParseError) in
            .shapePreserving(.dropout2d(p: try a.double("p", default: 0.5)!, inplace: try a.bool("inplace", default: false)))
        },
        LayerKind(LayerSignature(name: "Identity", parameters: [], required: 0)) { _ throws(LayerParseError) in .shapePreserving(.identity) },
        LayerKind(LayerSignature(name: "Cat", parameters: ["skip", "crop"], required: 1)) { a throws(LayerParseError) in
            .cat(CatLayer(skip: try a.int("skip", in: 0...100_000), crop: try a.bool("crop", default: false)))
        },
        UpsampleLayer.kind,
    ]
}

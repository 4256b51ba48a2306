/// A model: a directed acyclic graph of named nodes over one input of a known shape, filled by
/// an input source. Each node is a layer (with its one parameter table), a function or a join
/// (Cat, add, …) and names the nodes it reads. A chain of layers (`--layer` strings, a pasted
/// `print(model)`) is the special case where node i reads node i − 1 and a Cat(k) node reads
/// node k and node i − 1 (`isChain`); a traced `print(torch.fx.symbolic_trace(model))` is any
/// graph; the course screen's layer is a model of one Conv2d node (`singleConv2d`).
public struct Model: Equatable, Hashable, Sendable {
    /// The input's name, read by the nodes that take the input (`x` in a traced forward).
    public var inputName: String
    /// [1, C, H, W] of the input (a traced print does not give it: its reader leaves it empty
    /// until the input is chosen, see `withInputShape`).
    public var inputShape: [Int]
    /// How the input is filled: a generated pattern (the course notebook's ramp along the width
    /// by default) or a file.
    public var input: LayerInput = .generated(.rampX)
    /// Every node, in execution order.
    public var nodes: [GraphNode] { didSet { layerNodes = Self.layers(of: nodes) } }
    /// The layers of `nodes`, kept so the stack screen's many reads of a layer cost no walk.
    private var layerNodes: [StackLayer]
    /// The node whose value the model returns.
    public var outputName: String
    /// The print's own name and assumed defaults of each node of a chain, or nil when its nodes
    /// are named by their position (`--layer` strings, which moves as layers are added or
    /// removed) or by a traced forward.
    /// Its names reach the nodes when the layers are set (`layers`, `inserting`, `removing`,
    /// `swapping` set both) or, for a print, in `init(inputShape:printed:)`.
    public var printed: [PrintedLabel]?
    /// Each node's weight source (by node index), or nil for all the notebook's (all ones): see
    /// `LayerWeightSource`.
    public var weightSources: [LayerWeightSource?]?

    /// A graph of `nodes` reading `inputName`, returning `outputName`.
    public init(inputName: String, inputShape: [Int], nodes: [GraphNode], outputName: String) {
        self.inputName = inputName
        self.inputShape = inputShape
        self.nodes = nodes
        self.outputName = outputName
        layerNodes = Self.layers(of: nodes)
    }

    /// A chain of `layers` on an input of `inputShape` ([1, C, H, W], all positive).
    public init(inputShape: [Int], layers: [StackLayer]) {
        precondition(inputShape.count == 4 && inputShape.allSatisfy { $0 > 0 }, "a model input is [1, C, H, W]")
        self.init(inputName: Self.chainInput, inputShape: inputShape,
                  nodes: Self.chainNodes(layers, names: layers.indices.map { "\($0)" }, inputName: Self.chainInput),
                  outputName: layers.isEmpty ? Self.chainInput : "\(layers.count - 1)")
    }

    /// A chain read from print(model), keeping its names and what its print hid.
    public init(inputShape: [Int], printed model: PrintedModel) {
        self.init(inputShape: inputShape, layers: model.layers)
        printed = zip(model.names, model.assumed).map { PrintedLabel(name: $0, assumed: $1) }
        nodes = Self.chainNodes(model.layers, names: model.names, inputName: inputName)
        outputName = nodes.last?.name ?? inputName
    }

    /// The same model on an input of `shape`.
    public func withInputShape(_ shape: [Int]) -> Model {
        var new = self
        new.inputShape = shape
        return new
    }

    /// Node `index`'s name: print(model)'s (`features.3`), the traced forward's (`layer1_0_conv1`)
    /// or, for `--layer` strings, its position (`3`).
    public func name(_ index: Int) -> String { nodes[index].name }

    /// Every node's name, in order.
    public var names: [String] { nodes.map(\.name) }

    /// The arguments node `index`'s print did not show, whose PyTorch defaults are assumed.
    public func assumed(_ index: Int) -> [HiddenArgument] { printed?[index].assumed ?? [] }

    /// The layer node `index` runs; nil for a function or a join other than Cat.
    public func layer(_ index: Int) -> StackLayer? {
        if case let .layer(layer) = nodes[index].operation { layer } else { nil }
    }

    /// A chain's layers, in order (`isChain`; of any other graph, its layer nodes). Setting them
    /// makes the model the chain of the new layers, named as before where a name is given.
    public var layers: [StackLayer] {
        get { layerNodes }
        set {
            nodes = Self.chainNodes(newValue, names: newValue.indices.map(chainName), inputName: inputName)
            outputName = nodes.last?.name ?? inputName
        }
    }

    /// True when the model is a chain: node i reads node i − 1 (the first reads the input), a
    /// Cat(k) node reads node k and node i − 1, and the last node is returned.
    public var isChain: Bool { isChainShaped && outputName == (nodes.last?.name ?? inputName) }

    /// The chain's wiring, whatever the output.
    var isChainShaped: Bool {
        nodes.indices.allSatisfy { i in
            guard case let .layer(layer) = nodes[i].operation else { return false }
            let previous = i == 0 ? inputName : nodes[i - 1].name
            // A Cat naming no earlier layer reads only its input (the trace refuses it).
            if case let .cat(cat) = layer, cat.skip >= 0, cat.skip < i {
                return nodes[i].inputs == [nodes[cat.skip].name, previous]
            }
            return nodes[i].inputs == [previous]
        }
    }

    /// Comparing whole graphs stays for ==; the hash takes what tells models apart cheaply.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(inputName)
        hasher.combine(inputShape)
        hasher.combine(input)
        hasher.combine(nodes.count)
        hasher.combine(outputName)
        hasher.combine(printed)
        hasher.combine(weightSources)
    }

    /// The layer nodes' layers, in order.
    static func layers(of nodes: [GraphNode]) -> [StackLayer] {
        nodes.compactMap { if case let .layer(layer) = $0.operation { layer } else { nil } }
    }

    /// The name a chain gives its input.
    static let chainInput = "input"

    /// Chain node `index`'s name: its printed name, else its position.
    func chainName(_ index: Int) -> String {
        if let printed, printed.indices.contains(index) { return printed[index].name }
        return "\(index)"
    }

    /// The nodes of a chain of `layers` named `names`.
    static func chainNodes(_ layers: [StackLayer], names: [String], inputName: String) -> [GraphNode] {
        layers.indices.map { i in
            let previous = i == 0 ? inputName : names[i - 1]
            var inputs = [previous]
            if case let .cat(cat) = layers[i], cat.skip >= 0, cat.skip < i { inputs = [names[cat.skip], previous] }
            return GraphNode(name: names[i], target: names[i], op: layers[i].name, module: nil, inputs: inputs,
                             operation: .layer(layers[i]), line: 0)
        }
    }

    /// The channels the first layer reading the input expects (the model's input channels by default).
    public var firstChannels: Int? {
        for node in nodes where node.inputs.contains(inputName) {
            if case let .layer(layer) = node.operation, let channels = Self.expectedChannels([layer]) { return channels }
        }
        return nil
    }
}

/// The values a forward holds while it runs: each node's kept only until its last reader has run
/// (resnet50 at 448² would otherwise hold 100 million values). The one bookkeeping of both
/// forwards, the whole graph's (`GraphForward.run`) and one screen's (`GraphForward.values`).
struct GraphLiveValues {
    /// The position of each name's last reader among the nodes to run.
    private let lastReader: [String: Int]
    /// The values held now, by node name.
    var held: [String: GraphSharedValue]

    /// For `nodes` run in this order (a position is the index `ran` is given), holding `held` at first.
    init(_ nodes: [(position: Int, node: GraphNode)], holding held: [String: GraphSharedValue] = [:]) {
        var lastReader: [String: Int] = [:]
        for (position, node) in nodes { for name in node.inputs { lastReader[name] = position } }
        self.lastReader = lastReader
        self.held = held
    }

    subscript(name: String) -> GraphSharedValue? {
        get { held[name] }
        set { held[name] = newValue }
    }

    /// `node`, at `position`, made `value`: the inputs it read last are let go, and the value is
    /// held if a later node reads it.
    mutating func ran(_ node: GraphNode, at position: Int, making value: GraphSharedValue) {
        for name in node.inputs where lastReader[name] == position { held[name] = nil }
        if lastReader[node.name] != nil { held[node.name] = value }
    }
}

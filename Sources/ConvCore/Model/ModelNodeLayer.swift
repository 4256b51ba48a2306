/// Replacing one node's layer in any model (a chain's layer or a traced graph's module call).
extension Model {
    /// The model with node `index` running `layer` instead: its name, inputs and line stay; a
    /// module call's repr becomes the new layer's (what the screens show of it). Unchanged when
    /// node `index` runs no layer.
    public func replacingLayer(at index: Int, with layer: StackLayer) -> Model {
        guard nodes.indices.contains(index), case .layer = nodes[index].operation else { return self }
        let node = nodes[index]
        var new = self
        new.nodes[index] = GraphNode(name: node.name, target: node.target, op: node.op,
                                     module: node.module == nil ? nil : layer.pytorchRepr,
                                     inputs: node.inputs, operation: .layer(layer), line: node.line)
        return new
    }
}

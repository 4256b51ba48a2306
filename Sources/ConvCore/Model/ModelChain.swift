/// Editing a chain: layers added, removed and moved, Cat skips following the layers they name.
extension Model {
    /// The model with `layer` inserted at `index`; Cat skips that pointed at `index` or later
    /// move with their layers, so every skip still names the same layer.
    public func inserting(_ layer: StackLayer, at index: Int) -> Model {
        var new = self
        var layers = self.layers.map { $0.renumberingSkip { $0 >= index ? $0 + 1 : $0 } }
        layers.insert(layer, at: index)
        new.printed?.insert(PrintedLabel(name: unusedName(after: index - 1), assumed: []), at: index)
        new.weightSources?.insert(nil, at: index)
        new.layers = layers
        return new
    }

    /// The Cats (by index) that join layer `index`'s output: it cannot be removed, or moved to or
    /// past them, without silently joining another layer.
    public func catsJoining(_ index: Int) -> [Int] {
        nodes.indices.filter { if case let .cat(cat)? = layer($0) { cat.skip == index } else { false } }
    }

    /// The model without layer `index`; skips past it move down by one (callers refuse a layer a
    /// Cat joins, `catsJoining`, so every skip still names the same layer).
    public func removing(at index: Int) -> Model {
        var new = self
        var layers = self.layers
        layers.remove(at: index)
        new.printed?.remove(at: index)
        new.weightSources?.remove(at: index)
        new.layers = layers.map { $0.renumberingSkip { $0 > index ? $0 - 1 : $0 } }
        return new
    }

    /// The model with layers `index` and `index + 1` swapped; skips follow their layers.
    public func swapping(_ index: Int) -> Model {
        var new = self
        var layers = self.layers
        layers.swapAt(index, index + 1)
        new.printed?.swapAt(index, index + 1)
        new.weightSources?.swapAt(index, index + 1)
        new.layers = layers.map { $0.renumberingSkip { $0 == index ? index + 1 : $0 == index + 1 ? index : $0 } }
        return new
    }

    /// A name for a layer added after layer `index` of a printed model: `features.3_1`, as
    /// torch.fx names a module called twice, so no printed name changes.
    func unusedName(after index: Int) -> String {
        let base = index >= 0 ? name(index) : "input"
        let taken = Set(names)
        var n = 1
        while taken.contains("\(base)_\(n)") { n += 1 }
        return "\(base)_\(n)"
    }

    /// The model with `argument` of layer `index` written by the user: no longer assumed.
    public func settingAssumed(_ argument: String, at index: Int) -> Model {
        var new = self
        new.printed?[index].assumed.removeAll { $0.name == argument }
        return new
    }
}

/// A printed layer's name and the defaults its print made convscope assume.
public struct PrintedLabel: Equatable, Hashable, Sendable {
    /// print(model)'s qualified name (`layer2.0.downsample.0`).
    public var name: String
    /// The arguments its print did not show.
    public var assumed: [HiddenArgument]
}

extension StackLayer {
    /// A Cat whose skip index is mapped by `renumber`; any other layer as it is.
    func renumberingSkip(_ renumber: (Int) -> Int) -> StackLayer {
        guard case var .cat(cat) = self else { return self }
        cat.skip = renumber(cat.skip)
        return .cat(cat)
    }
}

import ConvCore
import ConvScopeApp

extension Action {
    /// The settings whose finished maps this action brings into the state, if it brings any.
    var finishedLayer: Conv2dSettings? {
        if case .computed(let maps) = self, maps.coverage == nil { maps.parameters } else { nil }
    }
}

/// `--weights`: whether the kernel section (the weights as maps) is drawn — automatically (where
/// there is room, not for all ones), always, or never; the `w` key switches it the same way.
public enum WeightsChoice: String, CaseIterable, Sendable {
    case auto, show, hide

    /// The choice a state's `kernelSection` stands for.
    public init(kernelSection: Bool?) {
        self = kernelSection.map { $0 ? .show : .hide } ?? .auto
    }

    /// The state's `kernelSection` for this choice (nil: automatic).
    public var kernelSection: Bool? {
        switch self {
        case .auto: nil
        case .show: true
        case .hide: false
        }
    }
}

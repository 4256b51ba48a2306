import ConvCore
import Testing
@testable import ConvScopeApp

/// While a big layer computes, every frame is laid out with its kernel measured: the weights
/// (64×64×32×32 random ones take 30–45 ms to build) are measured once per change by `update`
/// and kept in the state, not built again by each frame's layout.
@Suite("The kernel is measured once per change, not per frame")
struct KernelScaleTests {
    static func layer(_ kernel: KernelPreset) -> AppState {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (8, 8, 2, 2, 3, 3)
        var state = AppState(parameters: p)
        state.parameters.kernel = .preset(kernel)
        return state
    }

    @Test func updateKeepsTheWeightsScaleAndTheLayoutReadsIt() {
        var s = Self.layer(.random(start: 7))
        update(&s, .start(TerminalSize(columns: 120, rows: 40)))
        let measured = KernelSectionView.measuredScale(s.parameters.makeKernelMaps())
        #expect(s.keptKernelScale.scale(of: s.parameters) == measured, "the scale is the weights' own")
        // A kept scale is what every frame lays the kernel out with: a planted one shows.
        var planted = s
        planted.keptKernelScale.measured = .init(kernel: s.parameters.kernel, shape: s.parameters.kernelShape,
                                                 scale: MapScale(minimum: -123456, maximum: 123456))
        let env = RenderEnvironment(colorDepth: .none, language: .en)
        let cells = Layout.compute(planted, environment: env).kernel?.geometry.valueWidth
        #expect(cells == NumberText.cell(-123456).count, "the kernel's cells are as wide as the kept scale's ends")
        #expect(Layout.compute(s, environment: env).kernel?.geometry.valueWidth != cells)
        // Another shape is measured again after its change; states stay equal whatever was measured.
        update(&s, .set(.kernelSizeH, 2))
        #expect(s.keptKernelScale.scale(of: s.parameters) != nil && s.parameters.kernelSizeH == 2)
        #expect(s == { var t = s; t.keptKernelScale = KeptKernelScale(); return t }())
    }

    @Test func aKernelThatIsNotDrawnIsNeverBuilt() {
        var s = Self.layer(.ones)
        update(&s, .start(TerminalSize(columns: 120, rows: 40)))
        #expect(!s.wantsKernelSection && s.keptKernelScale.measured == nil, "the notebook's all-ones kernel is not drawn")
    }
}

import ConvCore
import Synchronization
import Testing
@testable import ConvScopeRuntime

/// A layer too small for a preview is known from its shape, before a preview's input is drawn.
@Suite("Which layers may want a preview, from their shape alone")
struct PreviewBoundTests {
    /// The lab's layer (scripts/bench_lab.py): 256² random input, 16→16, a 5×5 random kernel.
    static func labLayer(hIn: Int = 256) -> Conv2dSettings {
        var layer = PreviewRunLoopTests.slow(size: 256, channels: 16, kernel: 5)
        layer.geometry.hIn = hIn
        return layer
    }

    @Test("the dense count bounds the general path's multiply-adds, and equals it when no planes are shared")
    func denseBoundsTheCount() {
        var layers: [Conv2dSettings] = [Self.labLayer(), Self.labLayer(hIn: 257), Conv2dSettings()]
        var grouped = Self.labLayer()
        grouped.groups = 4
        (grouped.geometry.strideH, grouped.geometry.dilationW) = (2, 3)
        var ramp = Self.labLayer()
        ramp.input = .generated(.rampX)  // every input channel the same plane: a reduced layer
        var ones = Self.labLayer()
        ones.kernel = .preset(.ones)
        layers += [grouped, ramp, ones]
        for layer in layers {
            let counted = OutputPreview.multiplyAdds(input: layer.makeInputMaps(), kernels: layer.makeKernelMaps(),
                                                     bias: layer.spec.biasVector, spec: layer.spec)
            #expect(LayerTensors.denseMultiplyAdds(layer.spec) >= counted)
        }
        let lab = Self.labLayer()
        #expect(LayerTensors.denseMultiplyAdds(lab.spec) == 16 * 16 * 25 * 252 * 252)
        #expect(OutputPreview.multiplyAdds(input: lab.makeInputMaps(), kernels: lab.makeKernelMaps(), bias: nil, spec: lab.spec)
                == 16 * 16 * 25 * 252 * 252)
    }

    @Test("the lab's layer wants no preview at the engine's threshold; at its own count it may")
    func labLayerWantsNone() {
        let lab = Self.labLayer()
        #expect(!LayerTensors().mayWantPreview(lab, threshold: Engine.previewMultiplyAdds))
        #expect(LayerTensors().mayWantPreview(lab, threshold: 16 * 16 * 25 * 252 * 252))
        #expect(!LayerTensors().mayWantPreview(lab, threshold: 16 * 16 * 25 * 252 * 252 + 1))
    }

    @Test("a layer under the threshold posts no preview and draws no input in part")
    func noPreviewUnderTheThreshold() {
        let lab = Self.labLayer(), tensors = LayerTensors()
        let region = OutputRegion(channels: 0..<4, rows: 0..<40, columns: 0..<40, block: 7)
        let posted = Atomic<Int>(0)
        let inPart = Engine.preview(lab, region: region, tensors: tensors, threshold: Engine.previewMultiplyAdds,
                                    post: { _ in posted.add(1, ordering: .relaxed) }, isCancelled: { false })
        #expect(!inPart)
        #expect(posted.load(ordering: .relaxed) == 0)
    }
}

import ConvCore
import Testing
@testable import ConvScopeRuntime

/// The engine keeps one small workspace between keys and lets a large one go.
@Suite("The workspace the engine keeps between keys")
struct KeptWorkspaceTests {
    @Test("the lab's layer: its workspace is kept and the next key reuses it, with the same maps")
    func labLayerKeepsItsWorkspace() throws {
        let slot = KeptWorkspace()
        let lab = PreviewBoundTests.labLayer(), stepped = PreviewBoundTests.labLayer(hIn: 257)
        let first = try Engine.compute(lab, input: lab.makeInputMaps(), kernels: lab.makeKernelMaps(), workspace: slot)
        let kept = slot.take()
        // Band planes, packed weights, tap offsets: more than nothing, within what a lab affords.
        #expect(kept.bytes > 0 && kept.bytes <= KeptWorkspace.keptBytes)
        slot.giveBack(kept)
        let second = try Engine.compute(stepped, input: stepped.makeInputMaps(), kernels: stepped.makeKernelMaps(), workspace: slot)
        #expect(slot.take() === kept)
        // The same values as without a workspace, both times.
        for (layer, maps) in [(lab, first), (stepped, second)] {
            let fresh = try Engine.compute(layer, input: layer.makeInputMaps(), kernels: layer.makeKernelMaps())
            #expect(try maps.experiment.output.get().storage == fresh.experiment.output.get().storage)
        }
    }

    @Test("a workspace taken by a running job is not handed out twice; a large one is let go")
    func takenAndLarge() throws {
        let slot = KeptWorkspace()
        let first = slot.take(), second = slot.take()
        #expect(first !== second)
        slot.giveBack(first)
        #expect(slot.take() === first)
        // A direct layer's padded input (16 channels of side², twice what may be kept; 514² and
        // 17 MB on two cores) makes the workspace large.
        let side = max(512, Int((Double(2 * KeptWorkspace.keptBytes) / 64).squareRoot()))
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (side, side, 16, 4, 3, 3)
        (p.paddingH, p.paddingW) = (1, 1)
        let spec = Conv2dSpec(p)
        _ = try Conv2dForward.run(input: InputSource.random(start: 1).makeInput(channels: 16, hIn: side, wIn: side),
                                  weights: KernelPreset.random(start: 2).makeWeights(spec), spec: spec, workspace: first)
        #expect(first.bytes > KeptWorkspace.keptBytes)
        slot.giveBack(first)
        #expect(slot.take() !== first)
    }
}

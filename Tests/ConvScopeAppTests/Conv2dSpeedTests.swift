import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// One parameter change on the course notes' slider range with a general kernel: compute the
/// layer and draw the screen, as the TUI does after a key.
@Suite("Conv2d speed")
struct Conv2dSpeedTests {
    @Test func aChangeAt32x32With4To4Kernel8RandomStaysInteractive() throws {
        var p = ConvParameters()
        p.hIn = 32; p.wIn = 32; p.inChannels = 4; p.outChannels = 4; p.kernelSizeH = 8; p.kernelSizeW = 8
        var state = AppState(parameters: p)
        state.parameters.kernel = .preset(.random(start: 3))
        state.terminalSize = TerminalSize(columns: 120, rows: 40)
        var times: [Double] = []
        for step in 0..<21 {
            state.parameters.geometry.paddingH = step % 3  // a new layer each time, as a key makes
            let start = DispatchTime.now().uptimeNanoseconds
            let maps = ComputedMaps(try ConvExperiment(state.parameters))
            _ = view(state, maps: maps, environment: RenderEnvironment(language: .en))
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let median = times.sorted()[times.count / 2]
        print("32×32, 4→4, k8, random weights: median \(median) ms per change (compute + draw)")
        // ConvCore and ConvScopeApp are optimised even in debug builds, so this is the release speed.
        #expect(median < 16, "median \(median) ms")
    }
}

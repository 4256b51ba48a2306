import ConvCore
import ConvScopeApp
@testable import ConvScopeRuntime
import Testing

/// A background result for settings a key has left never reaches the state.
@Suite("Results for superseded settings")
struct SupersededResultTests {
    @Test("maps left in the mailbox after their computation was cancelled are dropped, not shown")
    func cancelledResultIsDropped() throws {
        let before = RunLoopTests.heavy()
        var after = before
        after.geometry[.hIn] = 641
        let engine = Engine()
        #expect(engine.request(.layer(before, showing: nil)).isEmpty, "too big to compute inline")
        let superseded = try #require(engine.jobs[.layer])
        #expect(engine.request(.layer(after, showing: nil)).isEmpty)
        #expect(engine.isComputing(after) && !engine.isComputing(before))
        // The computation of `before` passed its cancel check just as the key arrived and left
        // its maps: what the race leaves behind, placed here without waiting for it.
        let stale = ComputedMaps(try ConvExperiment(before))
        engine.mailbox.post(superseded.delivery(.maps(stale)))
        // The maps of `after` may have been posted already, before the stale ones: only those count.
        let taken = engine.take().compactMap { result -> Conv2dSettings? in
            if case .maps(let maps) = result { maps.parameters } else { nil }
        }
        #expect(!taken.contains(before), "the maps of the settings before the key are not taken")
        #expect(!engine.cache.contains { $0.parameters == before }, "the stale maps are not kept")
        #expect(engine.isComputing(after) || taken == [after], "the computation for the settings now on screen goes on")
    }
}

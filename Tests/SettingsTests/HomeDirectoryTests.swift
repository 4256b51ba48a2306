import Foundation
import Testing
@testable import convscope

/// An empty or relative HOME does not put convscope's files under the root directory.
@Suite("Home directory")
struct HomeDirectoryTests {
    @Test(arguments: ["", "relative/home"])
    func anUnusableHomeFallsBackToTheAccountsHome(_ home: String) throws {
        let account = String(cString: try #require(getpwuid(getuid())?.pointee.pw_dir))
        let state = StateStore.standard(environment: ["HOME": home]).path
        #expect(state == account + "/.local/state/convscope/state.json")
        #expect(!state.hasPrefix("/.local"))
    }

    @Test func anAbsoluteHomeIsUsed() {
        #expect(StateStore.standard(environment: ["HOME": "/home/x"]).path == "/home/x/.local/state/convscope/state.json")
    }
}

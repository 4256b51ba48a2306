import ConvCore
import ConvScopeApp
import Foundation
import Testing
@testable import convscope

/// The state file is convscope's own: a link there is replaced, never written through, and a
/// named pipe or device there is refused by its type, never opened (opening one waits forever).
@Suite("State file safety")
struct StateFileSafetyTests {
    static func withDirectory(_ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "convscope-statesafety-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/convscope", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test func aSymbolicLinkIsReplacedAndItsTargetKept() throws {
        try Self.withDirectory { dir in
            let target = dir + "/precious.txt"
            try "precious\n".write(toFile: target, atomically: false, encoding: .utf8)
            let store = StateStore(path: dir + "/convscope/state.json")
            try FileManager.default.createSymbolicLink(atPath: store.path, withDestinationPath: target)
            #expect(store.save(StateStore.Session(parameters: Conv2dSettings())) == nil)
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
            var info = stat()
            #expect(lstat(store.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
            #expect(store.load().session == StateStore.Session(parameters: Conv2dSettings()))
        }
    }

    @Test(arguments: ["fifo", "directory"])
    func aSpecialFileIsRefusedByItsType(_ kind: String) throws {
        try Self.withDirectory { dir in
            let store = StateStore(path: dir + "/convscope/state.json")
            if kind == "fifo" { #expect(mkfifo(store.path, 0o600) == 0) } else { try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: false) }
            let problem = store.save(StateStore.Session(parameters: Conv2dSettings()))
            #expect(problem?.contains(kind == "fifo" ? "a named pipe is there" : "a directory is there") == true, "\(problem ?? "saved")")
            #expect(store.load().notice == .savedSessionIgnored(.unreadable, path: store.path))
        }
    }

    /// A huge file is refused from its size, before any byte is read.
    @Test func aHugeStateFileIsRefusedBeforeItIsRead() throws {
        try Self.withDirectory { dir in
            let store = StateStore(path: dir + "/convscope/state.json")
            #expect(FileManager.default.createFile(atPath: store.path, contents: nil))
            #expect(truncate(store.path, 2 << 30) == 0)
            #expect(store.load().notice == .savedSessionIgnored(.unreadable, path: store.path))
        }
    }
}

import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The course screen with a loaded file on a ConvTranspose2d and a Conv1d: the kernel and input
/// rows name the file and the maps are computed from it (the values are torch's:
/// CourseKindFilesTests), or PyTorch's refusal is shown.
@Suite("Loaded files on every layer kind")
struct KindFileScreenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConvCoreTests/Fixtures/course_kind_files")

    static func bytes(_ name: String) -> [UInt8] { [UInt8](try! Data(contentsOf: directory.appendingPathComponent(name))) }

    /// The case's files loaded on `kind` at this size.
    static func state(_ kind: CourseLayerKind, _ name: String, outChannels: Int, columns: Int, rows: Int) throws -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        s.parameters.layerKind = kind
        let input = name + "-input.npy", kernel = name + "-kernel.npy"
        s.parameters.useInput(.file(LoadedFile(name: input, content: try InputFile.load(bytes: bytes(input), name: input))))
        s.parameters.geometry.outChannels = outChannels
        try s.parameters.useKernel(.file(LoadedFile(name: kernel, content: try KernelFile(bytes: bytes(kernel), name: kernel))))
        return s
    }

    @Test func snapshots() throws {
        for language in [Language.en, .ru] {
            let tag = language == .en ? "en" : "ru"
            let transposed = try Self.state(.convTranspose2d, "t-2d", outChannels: 3, columns: 80, rows: 24)
            let text = SequenceScreenTests.text(transposed, language)
            #expect(text.contains("t-2d-kernel.npy") || text.contains("t-2d-kernel…"), "\(text)")
            assertSnapshot(text, named: "kind-file-transposed-\(tag)-80x24")
            let sequence = try Self.state(.conv1d, "s-2d", outChannels: 3, columns: 80, rows: 24)
            assertSnapshot(SequenceScreenTests.text(sequence, language), named: "kind-file-conv1d-\(tag)-80x24")
            let tall = try Self.state(.conv1d, "s-input-tall", outChannels: 3, columns: 80, rows: 24)
            let refused = SequenceScreenTests.text(tall, language)
            #expect(refused.contains("RuntimeError: Expected 2D (unbatched) or 3D") && refused.contains("1×2×5×6"), "\(refused)")
            assertSnapshot(refused, named: "kind-file-conv1d-refused-\(tag)-80x24")
        }
        let small = try Self.state(.conv1d, "s-2d", outChannels: 3, columns: 50, rows: 17)
        assertSnapshot(SequenceScreenTests.text(small), named: "kind-file-conv1d-en-50x17")
    }
}

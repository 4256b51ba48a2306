import ConvCore
import Foundation
import Testing
@testable import convscope

/// A saved session with a layer kind and files comes back as it was left, and a layer the screen
/// showed as PyTorch's refusal does not keep the next start from running.
@Suite("Layer kind sessions restored")
struct KindSessionRestoreTests {
    static let files = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConvCoreTests/Fixtures/course_kind_files")

    static func kernel(_ name: String) throws -> LoadedFile<KernelFile> {
        let path = files.appendingPathComponent(name).path
        return LoadedFile(name: path, content: try KernelFile(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), name: path))
    }

    static func input(_ name: String) throws -> LoadedFile<Tensor4> {
        let path = files.appendingPathComponent(name).path
        return LoadedFile(name: path, content: try InputFile.load(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), name: path))
    }

    /// A ConvTranspose2d reading a 4-D weight with C_in ≠ C_out/groups: its channels are read the
    /// transposed way on loading too (the kind before the kernel row), so the session is kept.
    @Test func aTransposedFourDimensionalWeightIsRestored() throws {
        try SessionPaletteTests.withStore { store in
            var s = Conv2dSettings()
            s[.layerKind] = 1
            try s.useKernel(.file(try Self.kernel("t-4d-kernel.npy")))  // (3, 2, 2, 2): in 3, out 2
            #expect(s.transposedRefusal == nil)
            #expect(store.save(StateStore.Session(parameters: s)) == nil)
            let loaded = store.load()
            #expect(loaded.notice == nil)
            let restored = try #require(loaded.session?.parameters)
            #expect(restored.layerKind == .convTranspose2d && restored.transposedRefusal == nil)
            #expect(restored.transposedLayer == s.transposedLayer)
            #expect(restored.transposedWeight().storage == s.transposedWeight().storage)
        }
    }

    /// A Conv1d on a tall input file: the screen shows conv1d's refusal; quitting saves it, and
    /// a start with no flags restores it instead of stopping at the file.
    @Test func aRefusedLayerDoesNotStopTheNextStart() throws {
        try SessionPaletteTests.withStore { store in
            var s = Conv2dSettings()
            s.useInput(.file(try Self.input("s-input-tall-input.npy")))  // (1, 2, 5, 6)
            s[.layerKind] = 2
            #expect(CourseSequence.fileInput(s).map { if case .failure = $0 { true } else { false } } == true)
            #expect(store.save(StateStore.Session(parameters: s)) == nil)
            let restored = try #require(store.load().session?.parameters)
            let started = try ParameterOptions.parse([]).apply(to: restored)
            #expect(started.layerKind == .conv1d)
            // Given again on the command line, the same file is refused in one line.
            #expect(throws: (any Error).self) {
                try ParameterOptions.parse(["--layer-kind", "Conv1d", "--input", Self.files.appendingPathComponent("s-input-tall-input.npy").path])
                    .apply(to: Conv2dSettings())
            }
        }
    }
}

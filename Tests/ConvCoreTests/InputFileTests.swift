import Testing
@testable import ConvCore

@Suite("Input and kernel files: .npy from numpy, .csv, .pgm/.ppm")
struct InputFileTests {
    static let files = Conv2dFixtureFile.shared.files

    @Test("each file loads as its tensor or is refused for its problem", arguments: files)
    func file(_ fixture: FileFixture) throws {
        do {
            let tensor = try InputFile.load(bytes: fixture.bytes, name: fixture.name)
            #expect(fixture.problem == nil, "loaded a file that should be refused")
            #expect(tensor.shape == fixture.shape)
            #expect(tensor.storage == fixture.values)
        } catch {
            let problem = try #require(fixture.problem, "refused a good file: \(error.message)")
            #expect("\(error.problem)".hasPrefix(problem), "\(error.problem)")
            #expect(error.file == fixture.name)
            #expect(error.message.hasPrefix("\(fixture.name): \(error.problem.text); accepted: "))
        }
    }

    @Test func messageNamesFileProblemAndWhatIsAccepted() throws {
        let bytes = Self.files.first { $0.name == "big.npy" }!.bytes
        let error = try #require(throws: InputFileError.self) { try InputFile.load(bytes: bytes, name: "big.npy") }
        #expect(error.message == "big.npy: big-endian data; accepted: .npy of float32, float64, int8…int64 or uint8, "
            + "little-endian, C order, shape (H, W), (C, H, W) or (1, C, H, W), at most 64 channels of 1024×1024")
        let unknown = try #require(throws: InputFileError.self) { try InputFile.load(bytes: [1, 2], name: "x.txt") }
        #expect(unknown.message == "x.txt: unknown file type; accepted: .npy, .csv, .pgm or .ppm")
    }

    /// A header promising 2000×2000 with no data at all is refused as too large, not as cut short.
    @Test func sizeIsRefusedFromTheHeader() throws {
        let bytes = Self.files.first { $0.name == "too_large_2000x2000.npy" }!.bytes
        #expect(bytes.count < 200)
        let error = try #require(throws: InputFileError.self) { try InputFile.load(bytes: bytes, name: "h.npy") }
        #expect(error.problem == .tooLarge(channels: 1, height: 2000, width: 2000))
        let pgm = try #require(throws: InputFileError.self) {
            try InputFile.load(bytes: Array("P5\n2048 16\n255\n".utf8), name: "h.pgm")
        }
        #expect(pgm.problem == .tooLarge(channels: 1, height: 16, width: 2048))
    }

    @Test func kernelFileSpreadsA2DFilterOrTakesTheWholeTensor() throws {
        let bytes = Self.files.first { $0.name == "map_i2.npy" }!.bytes  // 4×6, values −6…17
        let file = try KernelFile(bytes: bytes, name: "k.npy")
        #expect(file.kernelSize == (4, 6))
        var p = ConvParameters()
        (p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (2, 3, 4, 6)
        let weights = try file.weights(for: Conv2dSpec(p), name: "k.npy")
        #expect(weights.shape == [3, 2, 4, 6])
        #expect(weights[0, 0, 0, 0] == -6 && weights[0, 1, 0, 0] == 0 && weights[1, 1, 3, 5] == 17 && weights[2, 0, 0, 1] == -5)
        p.kernelSizeW = 5
        let mismatch = try #require(throws: InputFileError.self) { try file.weights(for: Conv2dSpec(p), name: "k.npy") }
        #expect(mismatch.problem == .kernelShapeMismatch(file: [4, 6], layer: [3, 2, 4, 5]))
        let whole = try KernelFile(bytes: Self.files.first { $0.name == "nchw.npy" }!.bytes, name: "w.npy")
        (p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (3, 1, 2, 4)
        #expect(try whole.weights(for: Conv2dSpec(p), name: "w.npy").storage == whole.values)
        #expect(throws: InputFileError.self) { try KernelFile(bytes: bytes, name: "k.csv") }
    }
}

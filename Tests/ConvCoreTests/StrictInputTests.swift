import Testing
@testable import ConvCore

/// Input files mean what they say: a CSV number is decimal, all of it; a NumPy header that is
/// not text says so.
@Suite("Strict input files")
struct StrictInputTests {
    @Test(arguments: ["0x10", "1\u{0}9", "1_000", "0b1", "١٢"])
    func aCSVCellThatIsNotADecimalNumberIsRefused(_ cell: String) {
        let bytes = Array("1, \(cell)\n2, 3\n".utf8)
        #expect(throws: InputFileError.self) { try InputFile.load(bytes: bytes, name: "x.csv") }
    }

    @Test func decimalNumbersStillRead() throws {
        let tensor = try InputFile.load(bytes: Array("-1.5e1, +2\n.5, 3.\n".utf8), name: "x.csv")
        #expect(tensor.storage == [-15, 2, 0.5, 3])
    }

    @Test func aNonUTF8NumpyHeaderIsNotCalledCutShort() throws {
        var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }".utf8) + [0xFF]
        header += [UInt8](repeating: 0x20, count: 128 - 10 - header.count - 1) + [10]
        let bytes = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + [UInt8](repeating: 0, count: 16)
        let error = try #require(throws: InputFileError.self) { try InputFile.load(bytes: bytes, name: "x.npy") }
        #expect(error.problem == .badHeader("not text: a NumPy header is an ASCII dict"))
    }
}

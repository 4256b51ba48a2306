import Foundation
import Testing

/// Every text file convscope reads means the same with LF, CRLF (Windows) and a UTF-8 byte order
/// mark before CRLF (Excel's "CSV UTF-8", Notepad): the output is byte for byte the LF one's.
@Suite("Line endings")
struct LineEndingTests {
    enum Ending: String, CaseIterable { case lf, crlf, bomCRLF }

    /// `text` (written with LF) in the given ending.
    static func bytes(_ text: String, _ ending: Ending) -> Data {
        switch ending {
        case .lf: Data(text.utf8)
        case .crlf: Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case .bomCRLF: Data([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        }
    }

    /// One reader: the file's LF text, where it goes, and the command reading it (in the directory).
    struct Reader: CustomTestStringConvertible, Sendable {
        let name: String, file: String, text: String, command: String
        var testDescription: String { name }
    }

    static let answers = ["1x2x6x6", "1x8x4x4", "12x8", "2", "1", "4", "27", "2", "no", "224", "1574912"]
    static let readers: [Reader] = [
        Reader(name: "answers file", file: "answers.txt",
               text: answers.enumerated().map { "\($0.offset + 1): \($0.element)" }.joined(separator: "\n") + "\n",
               command: "exercise '\(Binary.root)/examples/single-layer-shapes.toml' --answers answers.txt --format json"),
        Reader(name: "exercise file", file: "lab.toml",
               text: (try? String(contentsOfFile: Binary.root + "/examples/unet-sizes.toml", encoding: .utf8)) ?? "",
               command: "exercise lab.toml --answers /dev/null --format json"),
        Reader(name: "csv input", file: "in.csv", text: "1, 2, 3\n4, 5, 6\n7, 8, 9\n\n1, 0, 0\n0, 1, 0\n0, 0, 1\n",
               command: "render --input in.csv --kernel-size 2 --format json"),
        Reader(name: "--model file", file: "model.txt",
               text: "Sequential(\n  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  (1): ReLU()\n  (2): MaxPool2d(kernel_size=2, stride=2)\n)\n",
               command: "render --model model.txt --h-in 16 --w-in 16 --layers"),
        Reader(name: "settings file", file: "config/convscope/config.toml", text: "# the palette\ncmap = \"viridis\"\nlang = \"ru\"\n",
               command: "render --format text --size 100x30"),
    ]

    @Test(arguments: readers)
    func everyReaderReadsCRLFAndABOMAsLF(_ reader: Reader) throws {
        var outputs: [Ending: String] = [:]
        for ending in Ending.allCases {
            try withTemporaryDirectory("line-endings") { dir in
                try FileManager.default.createDirectory(atPath: dir + "/config/convscope", withIntermediateDirectories: true)
                try Self.bytes(reader.text, ending).write(to: URL(fileURLWithPath: dir + "/" + reader.file))
                let r = shell("cd '\(dir)' && XDG_CONFIG_HOME='\(dir)/config' '\(Binary.path)' \(reader.command) < /dev/null")
                #expect(r.status == 0 && r.err.isEmpty, "\(reader.name) \(ending): \(r.err)")
                outputs[ending] = r.out
            }
        }
        #expect(outputs[.lf]?.isEmpty == false)
        #expect(outputs[.crlf] == outputs[.lf], "\(reader.name) with CRLF")
        #expect(outputs[.bomCRLF] == outputs[.lf], "\(reader.name) with a BOM")
    }

    /// The example: a CRLF answers file scored 0/11, every later answer joined to the first.
    @Test func aCRLFAnswersFileScoresEveryAnswer() throws {
        try withTemporaryDirectory("crlf-answers") { dir in
            try Self.bytes(Self.readers[0].text, .crlf).write(to: URL(fileURLWithPath: dir + "/answers.txt"))
            let r = shell("cd '\(dir)' && '\(Binary.path)' exercise '\(Binary.root)/examples/single-layer-shapes.toml' --answers answers.txt --format json")
            let report = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
            #expect(report?["score"] as? Int == 11, "\(r.out.prefix(400))")
        }
    }
}

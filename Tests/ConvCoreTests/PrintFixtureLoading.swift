import Foundation

/// A model's print (`<id>.txt`) and what torch said of it (`<id>.json`), in one folder of Fixtures.
protocol PrintFixture: Decodable {
    /// The print's text, read from the `.txt` beside the JSON.
    var text: String { get set }
}

extension PrintFixture {
    /// Every fixture of `folder` under Fixtures/, in file-name order.
    static func loadAll(_ folder: String) -> [Self] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().map { file in
            let url = directory.appendingPathComponent(file)
            var fixture = try! JSONDecoder().decode(Self.self, from: Data(contentsOf: url))
            fixture.text = try! String(contentsOf: url.deletingPathExtension().appendingPathExtension("txt"), encoding: .utf8)
            return fixture
        }
    }
}

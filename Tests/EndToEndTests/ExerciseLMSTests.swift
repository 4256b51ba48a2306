import Foundation
import Testing

/// `--export gift|moodle-xml`: read back by a real GIFT parser and a real XML parser, the answers
/// they accept are the answers the grader marks right, in English and in Russian.
@Suite("Exercise export to an LMS", .serialized)
struct ExerciseLMSTests {
    static let hasGiftParser = shell("python3 -c 'import pygiftparser'").status == 0

    /// Every example lab, a generated lab of every kind in both languages, and refused layers.
    static func labs(in dir: String) throws -> [(path: String, lang: String)] {
        let kinds = "shape,size,value,padding,stride,kernel,rf,params,mults,valid,output_padding"
        for lang in ["en", "ru"] {
            let made = shell("'\(Binary.path)' exercise --generate 22 --kinds \(kinds) --variant lms --lang \(lang) -o '\(dir)/generated-\(lang).toml'")
            #expect(made.status == 0, "\(made.err)")
        }
        try ExerciseDefectTests.checks.write(toFile: dir + "/checks.toml", atomically: true, encoding: .utf8)
        let examples = ["single-layer-shapes", "unet-sizes", "family-sizes"].flatMap { name in
            [(Binary.root + "/examples/\(name).toml", "en"), (Binary.root + "/examples/\(name)-ru.toml", "ru")]
        }
        try Self.alternatives.write(toFile: dir + "/alternatives.toml", atomically: true, encoding: .utf8)
        return examples + [(dir + "/generated-en.toml", "en"), (dir + "/generated-ru.toml", "ru"), (dir + "/checks.toml", "en"),
                           (dir + "/checks.toml", "ru"), (dir + "/alternatives.toml", "en")]
    }

    /// Questions the grader takes several answers to: kernels 1…4 all give 2×2 here, and on the
    /// second only the height has a choice (4×1 is right, 4×4 is not).
    static let alternatives = """
        title = "alternatives"
        [[exercise]]
        id = "square"
        layer = "Conv2d(3, 8, 3, stride=4)"
        input = [1, 3, 8, 8]
        ask = "kernel"
        target = [2, 2]
        [[exercise]]
        id = "tall"
        layer = "Conv2d(3, 8, (3, 1), stride=(4, 1))"
        input = [1, 3, 8, 8]
        ask = "kernel"
        target = [2, 8]
        """

    /// Every answer the grader takes is in the export, not only the one computed.
    @Test func theExportTakesEveryAnswerTheGraderTakes() throws {
        try withTemporaryDirectory("lms-alternatives") { dir in
            try Self.alternatives.write(toFile: dir + "/lab.toml", atomically: true, encoding: .utf8)
            let questions = try Self.checkExport((dir + "/lab.toml", "en"), format: "moodle-xml", in: dir)
            #expect(Set(questions[0]["accepted"] as? [String] ?? []) == Set((1...4).flatMap { h in (1...4).map { "\(h)x\($0)" } }))
            #expect(Set(questions[1]["accepted"] as? [String] ?? []) == ["1x1", "2x1", "3x1", "4x1"])
        }
    }

    /// Python that reads an export and prints, per question, the answers it accepts as JSON.
    static let reader = #"""
        import itertools, json, re, sys
        import xml.etree.ElementTree as ET
        kind, path = sys.argv[1], sys.argv[2]
        def number(v):
            v = float(v)
            return str(int(v)) if v == int(v) else repr(v)
        out = []
        if kind == "gift":
            from pygiftparser import parser
            for q in parser.parseFile(open(path, encoding="utf-8")):
                assert q.valid, q.source
                a, name = q.answers, type(q.answers).__name__
                if name == "NumericAnswerSet":
                    assert all(x.tolerance == 0 for x in a.answers) or "value" in q.full, q.full
                    out.append({"title": q.title, "type": "numerical", "accepted": [number(x.value) for x in a.answers]})
                elif name == "ShortSet":
                    out.append({"title": q.title, "type": "shortanswer", "accepted": [x.answer.replace("\\", "") for x in a.answers]})
                elif name == "TrueFalseSet":
                    out.append({"title": q.title, "type": "truefalse", "accepted": ["yes" if a.answer else "no"]})
                else:
                    raise SystemExit("unexpected question type " + name)
        else:
            root = ET.parse(path).getroot()
            assert root.tag == "quiz"
            for q in root.findall("question"):
                t = q.get("type")
                if t == "category":
                    assert q.find("category/text") is not None
                    continue
                assert t in ("numerical", "cloze", "truefalse"), t
                title = q.find("name/text").text
                text = q.find("questiontext/text").text
                assert q.find("questiontext").get("format") == "html" and text
                assert q.find("generalfeedback/text") is not None
                if t == "numerical":
                    right = [a for a in q.findall("answer") if a.get("fraction") == "100"]
                    assert right and all(a.find("tolerance") is not None for a in q.findall("answer"))
                    out.append({"title": title, "type": t, "accepted": [a.find("text").text for a in right],
                                "tolerance": [a.find("tolerance").text for a in right]})
                elif t == "cloze":
                    # One field per number; a field may take several values: {1:NUMERICAL:=2:0~=3:0}.
                    fields = [re.findall(r"=(-?[0-9]+):0", f) for f in re.findall(r"\{1:NUMERICAL:((?:~?=-?[0-9]+:0)+)\}", text)]
                    assert fields and all(fields), text
                    out.append({"title": title, "type": t, "accepted": ["x".join(c) for c in itertools.product(*fields)]})
                else:
                    right = [a.find("text").text for a in q.findall("answer") if a.get("fraction") == "100"]
                    assert right in (["true"], ["false"]), right
                    out.append({"title": title, "type": t, "accepted": ["yes" if right[0] == "true" else "no"]})
        print(json.dumps(out))
        """#

    /// Exports `lab` in `format`, reads it back in Python, and grades every accepted answer with
    /// convscope's own grader: each must be right.
    static func checkExport(_ lab: (path: String, lang: String), format: String, in dir: String) throws -> [[String: Any]] {
        let base = dir + "/" + URL(fileURLWithPath: lab.path).deletingPathExtension().lastPathComponent + "-" + lab.lang
        let file = base + "." + (format == "gift" ? "gift.txt" : "xml")
        let export = shell("'\(Binary.path)' exercise '\(lab.path)' --lang \(lab.lang) --export \(format) -o '\(file)' --force")
        #expect(export.status == 0, "\(lab): \(export.err)")
        let again = shell("'\(Binary.path)' exercise '\(lab.path)' --lang \(lab.lang) --export \(format)")
        #expect(again.out == (try? String(contentsOfFile: file, encoding: .utf8)), "\(lab) exported twice is byte-identical")
        try reader.write(toFile: dir + "/reader.py", atomically: true, encoding: .utf8)
        let read = shell("python3 '\(dir)/reader.py' \(format) '\(file)'")
        #expect(read.status == 0, "\(lab) \(format): \(read.err)")
        let questions = (try JSONSerialization.jsonObject(with: Data(read.out.utf8)) as? [[String: Any]]) ?? []
        let total = shell("'\(Binary.path)' exercise '\(lab.path)' --format json < /dev/null")
        let count = ((try JSONSerialization.jsonObject(with: Data(total.out.utf8)) as? [String: Any])?["questions"] as? [Any])?.count
        #expect(questions.count == count, "\(lab) \(format): every question exported")
        // One answers sheet per accepted spelling (each question cycling through its own), graded as a class.
        let sheets = dir + "/sheets-" + format
        try? FileManager.default.removeItem(atPath: sheets)
        try FileManager.default.createDirectory(atPath: sheets, withIntermediateDirectories: true)
        let most = questions.map { ($0["accepted"] as? [String] ?? []).count }.max() ?? 0
        for k in 0..<max(1, most) {
            let lines = questions.enumerated().map { index, q -> String in
                let accepted = q["accepted"] as? [String] ?? ["?"]
                return "\(index + 1): \(accepted[k % accepted.count])"
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: sheets + "/\(String(format: "%03d", k)).txt", atomically: true, encoding: .utf8)
        }
        let graded = shell("'\(Binary.path)' exercise '\(lab.path)' --lang \(lab.lang) --answers '\(sheets)' --format json")
        #expect(graded.status == 0, "\(lab): \(graded.err)")
        let book = try JSONSerialization.jsonObject(with: Data(graded.out.utf8)) as? [String: Any]
        for student in book?["students"] as? [[String: Any]] ?? [] {
            let results = student["results"] as? [String] ?? []
            #expect(!results.isEmpty && results.allSatisfy { $0 == "right" }, "\(lab) \(format) \(student["file"] ?? ""): \(results)")
        }
        return questions
    }

    @Test(.enabled(if: hasGiftParser, "pygiftparser is not installed: pip install 'setuptools<80' pygiftparser (.ci/run does)"))
    func giftExportsReadBackByAGiftParserWithTheGradersAnswers() throws {
        try withTemporaryDirectory("lms-gift") { dir in
            for lab in try Self.labs(in: dir) {
                let questions = try Self.checkExport(lab, format: "gift", in: dir)
                let types = Set(questions.compactMap { $0["type"] as? String })
                if lab.path.hasSuffix("generated-en.toml") {
                    #expect(types == ["numerical", "shortanswer", "truefalse"], "\(types)")
                }
            }
        }
    }

    @Test func moodleXMLIsWellFormedWithMoodlesElementsAndTheGradersAnswers() throws {
        try withTemporaryDirectory("lms-xml") { dir in
            for lab in try Self.labs(in: dir) {
                let questions = try Self.checkExport(lab, format: "moodle-xml", in: dir)
                if lab.path.hasSuffix("unet-sizes.toml") {
                    // A shape is a Cloze question with one NUMERICAL field per dimension.
                    #expect(questions.first?["type"] as? String == "cloze" && questions.first?["accepted"] as? [String] == ["1x16x7x7"])
                }
                for q in questions where q["type"] as? String == "numerical" && !(lab.path.contains("generated")) {
                    #expect(q["tolerance"] as? [String] == ["0"], "\(lab): a whole number has tolerance 0: \(q)")
                }
            }
        }
    }
}

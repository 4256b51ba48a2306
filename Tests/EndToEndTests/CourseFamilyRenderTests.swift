import Foundation
import Testing

/// `render --layer-kind Conv1d` (the course screen's rows) through the real binary: the same JSON
/// as `render --layer "Conv1d(…)" --input-shape`, pictures of the Conv1d, clear refusals.
@Suite("Rendering the course screen's other layer kinds")
struct CourseFamilyRenderTests {
    static let rows = "--layer-kind Conv1d --in-channels 2 --out-channels 4 --w-in 12 --kernel-size-w 3 --stride-w 2 --padding-w 2"

    @Test func theJSONIsTheConv1dsAsTheLayerFlagWritesIt() throws {
        let course = FamilyRenderTests.render(Self.rows + " --format json")
        let layer = FamilyRenderTests.render("--layer 'Conv1d(2, 4, 3, stride=2, padding=2, bias=False)' --input-shape 1,2,12 --format json")
        #expect(course.status == 0 && layer.status == 0, "\(course.err) \(layer.err)")
        #expect(course.out == layer.out)
        // torch 2.13 on the ramp with ones (Tests/ConvCoreTests/Fixtures/course_sequence_torch.json, case 3 without its bias).
        #expect(course.out.contains("\"output_shape\": [1, 4, 7], \"output\": [0, 6, 18, 30, 42, 54, 42, 0,"))
    }

    @Test func picturesShowTheConv1dAndWrongFlagsAreRefused() {
        let maps = FamilyRenderTests.render(Self.rows + " --format text --frame maps --size 50x17 --inspect 3,0,4")
        #expect(maps.status == 0, "\(maps.err)")
        // The layer line wraps at its arguments where the maps area is narrower than it.
        #expect(maps.out.filter { !$0.isWhitespace }.contains("Conv1d(2,4,kernel_size=(3,),stride=(2,),padding=(2,),bias=False)"))
        #expect(maps.out.contains("L_out = ") && !maps.out.contains("H_out"))
        // The whole screen keeps the inspector: the cell --inspect names, its sum with the bias row's none.
        let screen = FamilyRenderTests.render(Self.rows + " --format text --size 100x30 --inspect 3,0,4")
        #expect(screen.out.contains("out[3, 4] = 1·6 + 1·7 + 1·8 + 1·6 + 1·7 + 1·8 = 42"), "\(screen.out)")
        let svg = FamilyRenderTests.render(Self.rows + " --format svg")
        #expect(svg.out.contains("<title>Conv1d · input 1×2×12 → output 1×4×7</title>"))
        let animated = FamilyRenderTests.render(Self.rows + " --animate --format svg")
        #expect(animated.status == 64 && animated.err.contains("the layer_kind row is Conv1d"))
    }

    /// The values of every "output" list in a JSON text, flattened in order.
    static func outputs(_ text: String) throws -> [Double] {
        func flat(_ any: Any) -> [Double] { (any as? [Any]).map { $0.flatMap(flat) } ?? [(any as? NSNumber)?.doubleValue ?? .nan] }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return ((json["layers"] as? [[String: Any]]) ?? []).flatMap { flat($0["output"] ?? []) }
    }

    @Test func aConvTranspose2dsJSONHasItsValuesNotTheConv2ds() throws {
        let input = "--in-channels 2 --h-in 2 --w-in 3 --format json"
        let course = FamilyRenderTests.render("--layer-kind ConvTranspose2d --out-channels 2 --kernel-size 3 --stride 2 " + input)
        let layer = FamilyRenderTests.render("--layer 'ConvTranspose2d(2, 2, 3, stride=2)' " + input)
        #expect(course.status == 0 && layer.status == 0, "\(course.err) \(layer.err)")
        #expect(course.out.contains("\"layer\": \"ConvTranspose2d(2, 2, kernel_size=(3, 3), stride=(2, 2), bias=False)\", \"output_shape\": [1, 2, 5, 7]"))
        // The stack's own forward pass (ones, the ramp) gives the same numbers.
        let values = try Self.outputs(course.out), expected = try Self.outputs(layer.out)
        #expect(values.count == 2 * 5 * 7 && values == expected)
        let refused = FamilyRenderTests.render("--layer-kind ConvTranspose2d --stride 1 --output-padding 1 --format json")
        #expect(refused.status == 1 && refused.out.contains("\"error\": "))
    }
}

import Foundation
import Testing

/// `render --view direct|scatter --animate` and `--format asciicast` through the real binary.
@Suite("A ConvTranspose2d's explanation animated on the command line")
struct FamilyAnimationRenderTests {
    static let transposed = "--layer 'ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)' --h-in 4 --w-in 4"

    @Test func theDirectFormAnimatesOneFramePerOutputCell() {
        let r = FamilyRenderTests.render(Self.transposed + " --view direct --animate --format svg --theme light")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("@keyframes convscope-step"))
        #expect(r.out.components(separatedBy: "class=\"frame\"").count - 1 == 64)
        #expect(r.out.contains(">output[0, 7, 7] = "))
    }

    @Test func theScatterFormAnimatesOneStampPerInputPositionWithControls() {
        let r = FamilyRenderTests.render(Self.transposed + " --view scatter --animate --format html --lang ru")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("id=\"controls\"") && r.out.contains("кадр 1 из 16"))
        #expect(r.out.contains("оттиск 16 из 16"))
    }

    @Test(arguments: ["direct", "scatter"])
    func theAsciicastHasAMarkerPerStep(_ view: String) throws {
        let r = FamilyRenderTests.render(Self.transposed + " --view \(view) --format asciicast --size 120x40")
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(header["version"] as? Int == 2)
        #expect(lines.filter { $0.contains(", \"m\", ") }.count == (view == "direct" ? 64 : 16))
    }

    @Test func tooManyStepsAndFlagsThatDoNotAnimateAreRefusedWithWhatIsAllowed() {
        let big = FamilyRenderTests.render("--layer 'ConvTranspose2d(1, 1, 3, stride=2)' --h-in 20 --w-in 20 --view direct --animate --format svg")
        #expect(big.status == 1 && big.err.contains("at most 1024 steps") && big.err.contains("--h-in"))
        let flip = FamilyRenderTests.render("--flip --animate --format svg")
        #expect(flip.status == 64 && flip.err.contains("does not apply to --flip"))
        let stack = FamilyRenderTests.render("--layer 'Conv2d(3, 8, 3)' --animate --format svg")
        #expect(stack.status == 64 && stack.err.contains("--view direct or scatter"))
    }
}

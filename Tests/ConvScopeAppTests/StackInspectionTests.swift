import Testing
import ConvCore
@testable import ConvScopeApp

/// The inspector's taps on the stack screen against a brute force over every input cell:
/// input i feeds output o of a window layer when o·s − p + k·d = i for some tap k, and of a
/// transposed convolution when i·s − p + k·d = o.
@Suite("Stack inspector taps")
struct StackInspectionTests {
    static func layer(_ text: String) -> StackLayer { try! LayerParser.parse(text) }

    static func bruteForce(size: Int, output o: Int, kernel: Int, stride: Int, padding: Int, dilation: Int,
                           transposed: Bool) -> [Int] {
        (0..<size).filter { i in
            (0..<kernel).contains { k in
                transposed ? i * stride - padding + k * dilation == o : o * stride - padding + k * dilation == i
            }
        }
    }

    @Test(arguments: [
        ("Conv2d(2, 4, 3, stride=2, padding=1)", 3, 2, 1, 1, false),
        ("Conv2d(2, 4, (3, 3), stride=1, padding=2, dilation=2)", 3, 1, 2, 2, false),
        ("MaxPool2d(3, stride=2, padding=1)", 3, 2, 1, 1, false),
        ("ConvTranspose2d(2, 4, 4, stride=2, padding=1)", 4, 2, 1, 1, true),
        ("ConvTranspose2d(2, 4, 3, stride=3, dilation=2)", 3, 3, 0, 2, true),
    ])
    func tapsMatchTheBruteForce(text: String, kernel: Int, stride: Int, padding: Int, dilation: Int, transposed: Bool) {
        let layer = Self.layer(text)
        let input = [1, 2, 9, 9]
        let output = try! layer.outputShape(input: input)
        for o in 0..<output[2] {
            let taps = StackInspection.taps(of: layer, input: input, output: output,
                                            cell: CellCursor(channel: 1, y: o, x: output[3] - 1 - o % output[3]))!
            let rows = Self.bruteForce(size: 9, output: o, kernel: kernel, stride: stride, padding: padding,
                                       dilation: dilation, transposed: transposed)
            #expect(taps.rows == rows, "\(text): output row \(o)")
            let x = output[3] - 1 - o % output[3]
            #expect(taps.columns == Self.bruteForce(size: 9, output: x, kernel: kernel, stride: stride, padding: padding,
                                                    dilation: dilation, transposed: transposed))
        }
    }

    @Test func channelsFollowGroupsAndPoolsKeepTheirChannel() {
        let grouped = StackInspection.taps(of: Self.layer("Conv2d(4, 6, 1, groups=2)"), input: [1, 4, 3, 3],
                                           output: [1, 6, 3, 3], cell: CellCursor(channel: 4, y: 0, x: 0))!
        #expect(grouped.channels == [2, 3], "output channel 4 is in group 1, which reads input channels 2 and 3")
        let pool = StackInspection.taps(of: Self.layer("AvgPool2d(2)"), input: [1, 4, 4, 4], output: [1, 4, 2, 2],
                                        cell: CellCursor(channel: 3, y: 1, x: 0))!
        #expect(pool.channels == [3] && pool.rows == [2, 3] && pool.columns == [0, 1])
    }
}

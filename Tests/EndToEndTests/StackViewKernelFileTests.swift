import Foundation
import Testing

/// `render --layer … --node N --view` explains a ConvTranspose2d inside a stack with the kernel
/// sources the course screen's ConvTranspose2d takes: a kernel file as its 4-D weight or a (kH, kW)
/// filter on the diagonal, the sums as torch computes them
/// (scripts/make_stack_view_kernel_fixture.py); a file of another shape is one line naming what it takes.
@Suite("A stack's ConvTranspose2d takes a kernel file")
struct StackViewKernelFileTests {
    static let directory = Binary.root + "/Tests/EndToEndTests/inputs/stack_view_kernel"

    struct TorchCase: Decodable {
        let name: String, kernel: String, layer: String
        let h_in: Int, w_in: Int
        let output_shape: [Int]
        let output: [Float]
    }

    static let cases: [TorchCase] = {
        struct File: Decodable { let torch: String, cases: [TorchCase] }
        let url = URL(fileURLWithPath: directory + "/stack_view_kernel_torch.json")
        let file = try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        precondition(file.torch.hasPrefix("2.13"))
        return file.cases
    }()

    static func render(_ c: TorchCase, kernel: String, cell: [Int]) -> (status: Int32, out: String, err: String) {
        shell("'\(Binary.path)' render --layer 'ReLU()' --layer '\(c.layer)' --node 1 --h-in \(c.h_in) --w-in \(c.w_in) "
              + "--kernel '\(directory)/\(kernel)' --view direct --format text --size 160x50 "
              + "--inspect \(cell.map(String.init).joined(separator: ",")) < /dev/null")
    }

    /// The corners and the middle of every output channel: both written sums total torch's value.
    @Test(arguments: cases)
    func theSumsAreTorchsWithTheFileAsTheWeight(_ c: TorchCase) throws {
        let (channels, h, w) = (c.output_shape[1], c.output_shape[2], c.output_shape[3])
        for channel in 0..<channels {
            for (y, x) in [(0, 0), (h / 2, w / 2), (h - 1, w - 1)] {
                let r = Self.render(c, kernel: c.kernel, cell: [channel, y, x])
                #expect(r.status == 0, "\(c.name): \(r.err)")
                let totals = r.out.split(separator: "\n").filter { $0.hasPrefix("direct:") || $0.hasPrefix("scatter:") }
                    .map { $0.components(separatedBy: " = ")[1] }
                let torch = c.output[(channel * h + y) * w + x]
                #expect(totals.count == 2 && totals.allSatisfy { Float($0) == torch },
                        "\(c.name) out[\(channel), \(y), \(x)]: \(totals), torch \(torch)\n\(r.out)")
            }
        }
    }

    @Test func aFileOfAnotherShapeIsOneLineNamingWhatTheNodeTakes() throws {
        let c = try #require(Self.cases.first { $0.name == "t-4d" })
        let r = Self.render(c, kernel: "t-4d-groups.npy", cell: [0, 0, 0])
        #expect(r.status == 64 && r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        for words in ["t-4d-groups.npy has shape (4, 1, 2, 2)", "a (kH, kW) filter (3, 3)",
                      "its weight (C_in, C_out/groups, kH, kW) (2, 3, 3, 3)", "or a preset: ones"] {
            #expect(r.err.contains(words), "\(r.err)")
        }
    }
}

extension StackViewKernelFileTests.TorchCase: CustomTestStringConvertible {
    var testDescription: String { name }
}

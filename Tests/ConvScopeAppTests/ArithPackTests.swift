import Foundation
import Testing
@testable import ConvScopeApp

/// The conv_arithmetic figures against PyTorch: `scripts/make_arith_fixture.py` ran
/// F.conv2d / F.conv_transpose2d (torch 2.13) on the same inputs and kernels.
@Suite("conv_arithmetic pack")
struct ArithPackTests {
    struct Fixture: Decodable {
        struct Figure: Decodable {
            let name: String
            let output_shape: [Int]
            let output: [[Int]]
        }
        let torch: String
        let figures: [Figure]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/arith_torch.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test func theFifteenOutputSizesAndValuesAreTorchs() {
        #expect(Self.fixture.torch.hasPrefix("2.13"))
        #expect(ArithConfig.all.map(\.name) == Self.fixture.figures.map(\.name))
        #expect(ArithConfig.all.count == 15)
        for (config, torch) in zip(ArithConfig.all, Self.fixture.figures) {
            let figure = ArithFigure(config)
            #expect([1, 1, figure.outputSize, figure.outputSize] == torch.output_shape, "\(config.name)")
            #expect(figure.output.map { $0.map { Int($0) } } == torch.output, "\(config.name)")
        }
    }

    @Test func theGuidesSizesAppearInTheLabels() {
        // The guide's own pictures: e.g. 5×5 input, padding 1, stride 2 → 3×3.
        let sizes = ArithConfig.all.map { ArithFigure($0).outputSize }
        #expect(sizes == [2, 6, 5, 7, 2, 3, 3, 4, 5, 5, 5, 5, 5, 6, 3])
        let slide = ArithPack.slide(ArithFigure(ArithConfig.all[5]), theme: .light, colormap: .rocket, language: .en, animated: true)
        #expect(slide.title == "padding_strides · input 5×5 → output 3×3")
        #expect(slide.texts.contains { $0.text.hasPrefix("Padding, strides: i = 5, k = 3, s = 2, p = 1") })
        #expect(slide.texts.contains { $0.text == "nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1, bias=False)" })
        #expect(slide.frames.count == 9)
        // Every cell carries its number.
        #expect(slide.grids.allSatisfy { $0.cells.allSatisfy { $0.label != nil } })
    }

    @Test func thePackHasAnAnimatedAndAStillSVGOfEachFigureAndAnIndex() {
        let files = ArithPack.files(theme: .dark, colormap: .viridis, language: .en)
        #expect(files.count == 31)
        let index = files.last!
        #expect(index.name == "index.html")
        for config in ArithConfig.all {
            let animated = files.first { $0.name == "\(config.name).svg" }!.contents
            let still = files.first { $0.name == "\(config.name)-still.svg" }!.contents
            let n = ArithFigure(config).outputSize
            #expect(animated.components(separatedBy: "class=\"frame\"").count - 1 == n * n, "\(config.name)")
            #expect(!still.contains("class=\"frame\""))
            #expect(index.contents.contains("src=\"\(config.name).svg\""))
            let read = SlideSVGReading(animated)
            #expect(read.overlaps.isEmpty, "\(config.name): \(read.overlaps.prefix(3))")
            #expect(read.smallestTextOnScreen >= SlideMetrics.minimumScreenFont - 0.01, "\(config.name)")
        }
    }
}

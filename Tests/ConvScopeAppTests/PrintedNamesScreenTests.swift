import Testing
import ConvCore
@testable import ConvScopeApp

/// The model screen names layers as print(model) does, and says what a print made it assume.
@Suite struct PrintedNamesScreenTests {
    static let text = """
        Sequential(
          (stem): Sequential(
            (conv): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
            (relu): ReLU()
          )
          (layer2): Sequential(
            (downsample): Sequential(
              (0): Conv2d(8, 16, kernel_size=(1, 1), stride=(2, 2))
              (1): AvgPool2d(kernel_size=2, stride=2, padding=0)
            )
          )
          # cat stem
          (head): Conv2d(16, 4, kernel_size=(1, 1), stride=(1, 1))
        )
        """

    static func screen(selecting index: Int, columns: Int, rows: Int, language: Language = .en) throws -> String {
        let model = Model(inputShape: [1, 3, 16, 16], printed: try ModelParser.read(text))
        var s = update(ModelProgram(model: model), .start(TerminalSize(columns: columns, rows: rows)))
        s = update(s, .stack(.chooseLayer(index)))
        s.environment = RenderEnvironment(language: language)
        return view(s, maps: nil, environment: s.environment).text
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func layerListAndPanelUseThePrintsNames(_ size: (Int, Int)) throws {
        let screen = try Self.screen(selecting: 3, columns: size.0, rows: size.1)
        #expect(screen.contains("(stem.relu) ReLU()"), "\(screen)")
        #expect(screen.contains("(cat) Cat(stem.relu)"), "the Cat names the layer it joins\n\(screen)")
        #expect(screen.contains("(head) Conv2d(16, 4"), "\(screen)")
        #expect(screen.contains("AvgPool2d ") && screen.contains("sample.1) AvgPool2d"), "\(screen)")
        #expect(screen.contains("(layer2.downsample.1) assumed ceil_mode=False,") && screen.contains("count_include_pad=True"), "\(screen)")
        #expect(screen.contains("✗ (cat) Cat: "), "\(screen)")
        #expect(screen.contains("Expected") && screen.contains("got size 4"), "both sizes stay\n\(screen)")
    }

    @Test func theNoteSpeaksRussianOnTheRussianScreen() throws {
        let screen = try Self.screen(selecting: 3, columns: 120, rows: 40, language: .ru)
        #expect(screen.contains("(layer2.downsample.1) принято ceil_mode=False,"), "\(screen)")
        #expect(!screen.contains("assumed") && !screen.contains("does not show"))
    }

    /// A layer whose print hid nothing gets no note.
    @Test func noNoteWhereNothingWasAssumed() throws {
        let screen = try Self.screen(selecting: 0, columns: 120, rows: 40)
        #expect(!screen.contains("assumed"), "\(screen)")
        #expect(screen.contains("(stem.conv) Conv2d"), "\(screen)")
    }
}

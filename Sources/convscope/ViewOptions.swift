import ConvCore
import ArgumentParser
import ConvScopeApp
import Foundation

/// How the screen looks and what an export shows: flags shared by `convscope` and `convscope render`.
struct ViewOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Colours: dark (the terminal's own) or light (a white page for slides; t toggles).")
    var theme: ExportTheme?

    @Option(name: .long, parsing: .unconditional, help: "Heatmap palette: \(ViewOptions.colormapNames) (C cycles; rocket is the notebook's).")
    var cmap: String?

    @Option(name: .long, parsing: .unconditional, help: "What an export shows: screen (everything) or maps (headers, maps, kernel line, formula).")
    var frame: ExportFrame = .screen

    @Option(name: .long, parsing: .unconditional, help: "Map zoom: \(CodePanelText.zoomNames.joined(separator: ", ")) (auto fits the window).")
    var zoom: String = CodePanelText.zoomName(nil)

    @Option(name: .long, parsing: .unconditional, help: "The kernel's weights as maps between the input and the output: \(ViewOptions.weightsChoices) (auto: where there is room, not for all ones; w toggles).")
    var weights: String = WeightsChoice.auto.rawValue

    @OptionGroup var language: LanguageOption

    /// Every value `--weights` accepts.
    static var weightsChoices: String { WeightsChoice.allCases.map(\.rawValue).joined(separator: ", ") }

    func validate() throws {
        guard WeightsChoice(rawValue: weights) != nil else {
            throw ValidationError("--weights \(weights) is not a choice: allowed \(Self.weightsChoices).")
        }
        guard CodePanelText.zoomNames.contains(zoom) else {
            throw ValidationError("--zoom \(zoom) is not a zoom: allowed \(CodePanelText.zoomNames.joined(separator: ", ")).")
        }
        if let cmap, colormap == nil {
            throw ValidationError("--cmap \(cmap) is not a palette: allowed \(Self.colormapNames).")
        }
    }

    /// Every value `--cmap` accepts.
    static var colormapNames: String { ColormapName.choices.map(\.rawValue).joined(separator: ", ") }

    /// The palette --cmap names, if it was given (and is one of the choices).
    var colormap: ColormapName? {
        cmap.flatMap { name in ColormapName.choices.first { $0.rawValue == name } }
    }

    /// Puts the theme, palette and zoom into a state (the frame matters only when exporting);
    /// a flag not given leaves the state's value, which the settings file may have set.
    func apply(to state: inout AppState) {
        if let theme { state.theme = theme }
        if let colormap { state.environment.colormap = colormap }
        state.environment.language = language.language
        state.zoomOverride = Zoom.allCases.first { CodePanelText.zoomName($0) == zoom }
        if let choice = WeightsChoice(rawValue: weights), choice != .auto { state.kernelSection = choice.kernelSection }
    }
}

/// The interactive screen's mouse switch.
struct MouseOption: ParsableArguments {
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection); m toggles it in the screen.")
    var noMouse = false
}

/// Where the TUI's e key writes its files.
struct ExportDirectoryOption: ParsableArguments {
    @Option(name: .customLong("export-dir"), parsing: .unconditional, help: "Directory the e key writes into (default: the current directory).")
    var exportDir: String?

    func validate() throws {
        guard let exportDir else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: exportDir, isDirectory: &isDirectory) else {
            throw ValidationError("--export-dir \(exportDir) does not exist; give an existing directory.")
        }
        guard isDirectory.boolValue else {
            throw ValidationError("--export-dir \(exportDir) is a file, not a directory; give an existing directory.")
        }
        guard FileManager.default.isWritableFile(atPath: exportDir) else {
            throw ValidationError("--export-dir \(exportDir) is not writable; give a directory you can write to.")
        }
    }

    /// The directory as an absolute path, so the status line names exactly where a file went.
    var absolutePath: String {
        URL(fileURLWithPath: exportDir ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
    }
}

extension ExportFrame: ExpressibleByArgument {}

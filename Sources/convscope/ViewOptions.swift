import ArgumentParser
import ConvScopeApp
import Foundation

/// How the screen looks and what an export shows: flags shared by `convscope` and `convscope render`.
struct ViewOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Colours: dark (the terminal's own) or light (a white page for slides; t toggles).")
    var theme: ExportTheme = .dark

    @Option(name: .long, parsing: .unconditional, help: "What an export shows: screen (everything) or maps (headers, maps, kernel line, formula).")
    var frame: ExportFrame = .screen

    @Option(name: .long, parsing: .unconditional, help: "Map zoom: \(CodePanelText.zoomNames.joined(separator: ", ")) (auto fits the window).")
    var zoom: String = CodePanelText.zoomName(nil)

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard CodePanelText.zoomNames.contains(zoom) else {
            throw ValidationError("--zoom \(zoom) is not a zoom: allowed \(CodePanelText.zoomNames.joined(separator: ", ")).")
        }
    }

    /// Puts the theme and zoom into a state (the frame matters only when exporting).
    func apply(to state: inout AppState) {
        state.theme = theme
        state.environment.language = language.language
        state.zoomOverride = Zoom.allCases.first { CodePanelText.zoomName($0) == zoom }
    }
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

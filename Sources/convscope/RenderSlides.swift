import ArgumentParser
import ConvCore
import ConvScopeApp
import Foundation

/// `render`'s slides: the vector maps (`--frame maps` in svg and html), the sliding kernel
/// (`--animate`, `--format asciicast`) and the conv_arithmetic pack (`--arith DIR`).
extension RenderCommand {
    /// True when the picture is a slide or an animation rather than the terminal's grid.
    var drawsSlide: Bool {
        format == .asciicast || animate || (viewOptions.frame == .maps && [.svg, .html].contains(format))
    }

    /// Refuses flags that cannot go together, naming what is allowed.
    func validateAnimation() throws {
        if animate, ![.svg, .html, .asciicast].contains(format) {
            throw ValidationError("--animate works with --format svg, html or asciicast, not \(format.rawValue).")
        }
        if (animate || format == .asciicast), stack.isActive, family.view == nil {
            throw ValidationError("--animate and --format asciicast show one layer; with --layer or --model they animate "
                                  + "a ConvTranspose2d's --view direct or scatter.")
        }
        if animate, family.flip || family.causal || family.inputShape != nil {
            throw ValidationError("--animate plays a Conv2d's sliding kernel or a ConvTranspose2d's --view; it does not apply to --flip, --causal or --input-shape.")
        }
        if let arith, arith.isEmpty { throw ValidationError("--arith needs a directory name.") }
        if arith != nil, output != nil { throw ValidationError("--arith writes its files into its directory; -o does not apply.") }
    }

    /// Writes the slide, the animated slide or the asciicast for one layer.
    func renderSlide(_ state: AppState, maps: ComputedMaps) throws {
        guard case .success(let out) = maps.experiment.output else {
            printError("convscope: there is no output to draw: PyTorch refuses these parameters (see `convscope render --format text`).")
            throw ExitCode(1)
        }
        let cells = out.shape[2] * out.shape[3]
        if (animate || format == .asciicast), cells > ConvSlide.maxFrames {
            printError("convscope: the animation draws at most \(ConvSlide.maxFrames) output positions; "
                       + "output channel 0 has \(out.shape[2])×\(out.shape[3]) = \(cells). Use a smaller input or a larger stride.")
            throw ExitCode(1)
        }
        let text: String
        if format == .asciicast {
            let frames = KernelTour.frames(state, maps: maps, frame: viewOptions.frame, environment: environment)
            text = AsciicastExporter.export(frames, title: "convscope: Conv2d " + out.shape.map(String.init).joined(separator: "×"))
        } else if let slide = ConvSlide.make(state, maps: maps, environment: environment, animated: animate) {
            noteLargeZoomAtNumbersSize(slide, state: state, maps: maps)
            text = format == .svg ? SlideSVG.export(slide) : SlideHTML.export(slide, language: environment.language)
        } else {
            let side = ConvSlide.maxMapSide
            if animate {
                printError("convscope: --animate draws maps up to \(side)×\(side) cells (with padding); this input is "
                           + "\(state.parameters.hIn)×\(state.parameters.wIn). Use --format asciicast, or a smaller input.")
                throw ExitCode(1)
            }
            // Maps too large to draw cell by cell: the terminal's picture, which averages blocks.
            printError("convscope: a slide draws maps up to \(side)×\(side) cells; this input is "
                       + "\(state.parameters.hIn)×\(state.parameters.wIn), so the maps are drawn as the terminal shows them.")
            let canvas = viewOptions.frame.canvas(state, maps: maps, environment: environment)
            let exportFormat: ExportFormat = format == .svg ? .svg : .html
            text = exportFormat.export(canvas, theme: state.theme, title: ConvSlide.title(state.parameters, environment: environment),
                                       language: environment.language)
        }
        let bytes = Array(text.utf8)
        try withOutput { $0.write(bytes) }
    }

    /// Says so when `--zoom large` could not draw cells larger than `numbers` does: the maps
    /// already fill the page that keeps the text readable on a 1920×1080 screen.
    func noteLargeZoomAtNumbersSize(_ slide: Slide, state: AppState, maps: ComputedMaps) {
        guard state.zoomOverride == .large else { return }
        var numbers = state
        numbers.zoomOverride = .numbers
        guard let cell = slide.grids.first?.cell,
              ConvSlide.make(numbers, maps: maps, environment: environment)?.grids.first?.cell == cell else { return }
        printError("convscope: --zoom large draws these maps at the size --zoom numbers does: larger cells would make the "
                   + "slide's text smaller than \(Int(SlideMetrics.minimumScreenFont)) px on a 1920×1080 screen.")
    }

    /// Writes the conv_arithmetic pack into `directory` (made if missing); existing files are
    /// replaced only with --force.
    func writeArith(into directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            printError("convscope: --arith \(directory) is a file; give a directory (it is made if missing).")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            printError("convscope: could not make the directory \(directory): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        var state = AppState()
        viewOptions.apply(to: &state)
        let files = ArithPack.files(theme: state.theme, colormap: environment.colormap, language: environment.language)
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            do {
                try SafeFileWriter.write(Array(file.contents.utf8), to: path, replace: force)
            } catch let error as FileWriteError {
                printError("convscope: \(error)")
                throw ExitCode(1)
            }
        }
        print("wrote \(files.count) files into \(directory): 15 animated and 15 still SVG figures and index.html")
    }
}

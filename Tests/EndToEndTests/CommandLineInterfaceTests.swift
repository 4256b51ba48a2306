import Foundation
import Testing

/// What a user expects of any command-line tool: version, help that lists the options, completions.
@Suite("Command-line interface")
struct CommandLineInterfaceTests {
    @Test(arguments: ["--version", "-V"])
    func versionIsNameAndNumber(_ flag: String) throws {
        let r = shell("'\(Binary.path)' \(flag)")
        #expect(r.status == 0)
        #expect(r.out.wholeMatch(of: /convscope \d+\.\d+\.\d+\n/) != nil, "\(flag): \(r.out)")
        #expect(r.err.isEmpty)
    }

    @Test func topLevelHelpListsTheInteractiveOptions() {
        let r = shell("'\(Binary.path)' --help")
        #expect(r.status == 0)
        for word in ["--fresh", "--h-in", "--kernel-size", "--export-format", "--no-color", "--version", "render"] {
            #expect(r.out.contains(word), "convscope --help names \(word)")
        }
    }

    @Test func renderHelpShowsTheSizeDefaultAsTyped() {
        let r = shell("'\(Binary.path)' render --help")
        let flat = r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(default: 120x40)"), "\(r.out)")
        #expect(flat.contains("every picture format"))
        #expect(!flat.contains("ScreenSizeArgument"))
    }

    /// A flag both plain `convscope` and `render` take still reaches render.
    @Test func renderNoColorDrawsShades() {
        let plain = shell("'\(Binary.path)' render --format text --size 60x20").out
        let shades = shell("'\(Binary.path)' render --format text --size 60x20 --no-color").out
        #expect(!plain.contains("▓") && shades.contains("▓"), "\(shades)")
    }

    /// bash completion of `convscope --fr` and `convscope render --fo`, from the generated script.
    @Test func bashCompletesTopLevelAndRenderOptions() {
        guard shell("command -v bash").status == 0 else { Issue.record("bash is needed for this test"); return }
        let script = """
            shopt -s extglob; source <("$0" --generate-completion-script bash)
            complete_line() { COMPREPLY=(); COMP_LINE="$1"; read -ra COMP_WORDS <<< "$1"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1));
              COMP_POINT=${#COMP_LINE}; _convscope convscope "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"; echo "${COMPREPLY[*]}"; }
            complete_line "convscope --fre"; complete_line "convscope render --fo"
            """
        let r = shell("bash -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))' '\(Binary.path)'")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(r.out)\(r.err)")
        #expect(lines.first == "--fresh")
        #expect(lines.last.map { Set($0.split(separator: " ")) } == ["--force", "--format"])
    }
}

/// Sizes written as the screen writes them (8×8) are accepted wherever HxW is.
@Suite("Sizes with ×")
struct TimesSignTests {
    @Test(arguments: [("--size 80×24", "--size 80x24"), ("--kernel-size 3×5", "--kernel-size 3x5"),
                      ("--stride 2×1", "--stride 2x1"), ("--padding 1×2", "--padding 1X2")])
    func timesSignMeansX(_ withTimes: String, _ withX: String) {
        let a = shell("'\(Binary.path)' render --format text \(withTimes)")
        let b = shell("'\(Binary.path)' render --format text \(withX)")
        #expect(a.status == 0, "\(withTimes): \(a.err)")
        #expect(a.out == b.out && !a.out.isEmpty)
    }
}

import Foundation
import Testing

/// Exports from the command line and from the e key; the committed screenshots are current.
@Suite("Exports")
struct ExportTests {
    /// CI fails when a committed SVG screenshot is not what `render` produces now.
    @Test func committedScreenshotsMatchRender() throws {
        let manifest = try String(contentsOfFile: Binary.root + "/screenshots/manifest.txt", encoding: .utf8)
        var checked = 0
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let render = shell("'\(Binary.path)' render --format svg \(parts[1])")
            #expect(render.status == 0, "render \(parts[1]): \(render.err)")
            let rendered = render.out
            let committed = try String(contentsOfFile: Binary.root + "/screenshots/\(parts[0]).svg", encoding: .utf8)
            #expect(rendered == committed, "screenshots/\(parts[0]).svg is stale: run scripts/screenshots.sh")
            #expect(FileManager.default.fileExists(atPath: Binary.root + "/screenshots/\(parts[0]).png"))
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test func outputFileIsNeverOverwrittenWithoutForce() throws {
        try withTemporaryDirectory("export") { (dir: String) throws in
            let file = dir + "/screen.svg"
            #expect(shell("'\(Binary.path)' render --format svg -o '\(file)'").status == 0)
            let first = try String(contentsOfFile: file, encoding: .utf8)
            let again = shell("'\(Binary.path)' render --format svg --kernel-size 5 -o '\(file)'")
            #expect(again.status == 1)
            #expect(again.err.contains("already exists"))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == first, "the file is untouched")
            #expect(shell("'\(Binary.path)' render --format svg --kernel-size 5 --force -o '\(file)'").status == 0)
            #expect(try String(contentsOfFile: file, encoding: .utf8) != first)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".convscope-") }
            #expect(leftovers.isEmpty, "no temporary files left behind")
        }
    }

    @Test func exportKeyWritesANewFileEachTime() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("ekey") { (dir: String) throws in
            let tmux = TmuxSession(command: "cd '\(dir)' && env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 '\(Binary.path)'")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            tmux.send("e")
            // The status line names the file by its absolute path (wrapped onto two rows when long).
            let first = tmux.waitFor { $0.replacingOccurrences(of: "\n ", with: "").contains("exported \(dir)/convscope-") }
            #expect(first.ok, "the status line names the file:\n\(first.screen)")
            tmux.send("e")
            #expect(tmux.waitFor { _ in
                ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".svg") }.count == 2
            }.ok, "a second press writes a second file, never over the first")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".svg") }.sorted()
            for name in files {
                let svg = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
                #expect(svg.hasPrefix("<?xml"))
                #expect(svg.contains("output 1×2×6×6"))
            }
        }
    }

    /// Names taken for the next seconds already (as two presses in one second would find): e writes
    /// the next free name and leaves every existing file as it was.
    @Test func exportKeyNeverOverwritesAnExistingFile() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("taken") { (dir: String) throws in
            let tmux = TmuxSession(command: "cd '\(dir)' && env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 '\(Binary.path)' --fresh")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            var taken: [String] = []
            let now = time(nil)
            for second in 0..<8 {
                var t = now + second
                var parts = tm()
                localtime_r(&t, &parts)
                let name = String(format: "convscope-%04d%02d%02d-%02d%02d%02d.svg", parts.tm_year + 1900, parts.tm_mon + 1,
                                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
                try "mine \(second)".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
                taken.append(name)
            }
            tmux.send("e")
            let (ok, screen) = tmux.waitFor("exported /")
            #expect(ok, "the status line names the file by its absolute path:\n\(screen)")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            for (second, name) in taken.enumerated() {
                #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == "mine \(second)", "\(name) is untouched")
            }
            let written = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix("-2.svg") }
            #expect(written.count == 1, "the export went to a -2 name: \(written)")
        }
    }

    @Test func exportIntoAReadOnlyDirectoryIsAMessage() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("ro") { (dir: String) throws in
            chmod(dir, 0o555)
            // root ignores directory permissions; a read-only bind is not available, so use a file as the "directory".
            let target = getuid() == 0 ? "/proc" : dir
            let tmux = TmuxSession(command: "cd '\(target)' && env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 '\(Binary.path)'")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            tmux.send("e")
            let r = tmux.waitFor("export failed")
            #expect(r.ok, "a failed export is a message:\n\(r.screen)")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0, "and not a crash")
        }
    }
}

/// A full disk: a 64 KiB tmpfs filled to the brim (needs root to mount, as CI runs).
@Suite("Full disk", .serialized)
struct FullDiskTests {
    /// Mounting needs root (CI runs as root); elsewhere the test shows as skipped, not passed.
    @Test(.enabled(if: getuid() == 0, "skipped: needs root to mount a small tmpfs"))
    func exportsToAFullDiskAreAMessageAndLeaveNothing() throws {
        try withTemporaryDirectory("full") { (dir: String) throws in
            defer { shell("umount '\(dir)'") }
            let mount = shell("mount -t tmpfs -o size=64k tmpfs '\(dir)' && dd if=/dev/zero of='\(dir)/fill' bs=1k count=100")
            #expect(mount.status != 0 || FileManager.default.fileExists(atPath: dir + "/fill"))
            guard shell("df -P '\(dir)' | tail -1").out.contains("tmpfs") else {
                Issue.record("could not mount a tmpfs to fill: \(mount.err)")
                return
            }
            let r = shell("cd '\(dir)' && '\(Binary.path)' render --format svg -o screen.svg")
            #expect(r.status == 1)
            #expect(r.err.contains("No space left on device"), "\(r.err)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["fill"], "nothing left behind")
            guard requireTmux() else { return }
            do {  // the session (and its shell, whose cwd is the tmpfs) ends before the unmount
                let tmux = TmuxSession(command: "cd '\(dir)' && env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh")
                #expect(tmux.waitFor("output 1×2×6×6").ok)
                tmux.send("e")
                #expect(tmux.waitFor("No space left on device").ok, "the e key reports the full disk")
                tmux.send("q")
                #expect(tmux.exitStatus() == 0)
            }
        }
    }
}

import Foundation
import Testing

/// `render -o PATH` for every kind of path a user can type: it works, or it is one line and exit
/// 64 (bad command line) or 1 (cannot write); nothing half-written or temporary is left behind.
@Suite("Output paths")
struct OutputPathTests {
    /// The files in `dir` (hidden ones too), sorted.
    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func render(_ arguments: String, in dir: String) -> (status: Int32, out: String, err: String) {
        shell("cd '\(dir)' && '\(Binary.path)' render --format text --size 60x20 \(arguments) < /dev/null")
    }

    static let picture = shell("'\(Binary.path)' render --format text --size 60x20").out

    /// Names that are ordinary files: written, with the picture, under exactly that name.
    static let writable = ["a", "é", "~", "./x", "-", "nl\nx", String(repeating: "n", count: 255)]

    @Test(arguments: writable)
    func ordinaryNamesAreWritten(_ name: String) {
        withTemporaryDirectory("paths-ok") { dir in
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
            let r = Self.render("-o \(quoted)", in: dir)
            #expect(r.status == 0, "-o \(name): \(r.err)")
            #expect(r.err.isEmpty)
            if name == "-" {
                #expect(r.out == Self.picture, "-o - is standard output")
                #expect(Self.files(dir).isEmpty)
            } else {
                let file = name.hasPrefix("./") ? String(name.dropFirst(2)) : name
                #expect(Self.files(dir) == [file], "exactly the file, no temporary: \(Self.files(dir))")
                #expect((try? String(contentsOfFile: dir + "/" + file, encoding: .utf8)) == Self.picture)
            }
        }
    }

    /// Paths that cannot be a file: (path, exit status, words of the one-line message).
    static let refused: [(String, Int32, [String])] = [
        (".", 1, ["cannot write .", "is a directory"]),
        ("..", 1, ["cannot write ..", "is a directory"]),
        ("/", 1, ["cannot write /", "directory"]),
        ("sub", 1, ["cannot write sub", "is a directory"]),
        ("x/", 1, ["x/", "give a file name"]),
        ("nonexistent/dir/x", 1, ["nonexistent/dir", "does not exist"]),
        ("plain/x", 1, ["plain/x", "Not a directory"]),
        (String(repeating: "n", count: 256), 1, ["File name too long"]),
        ("dangling", 1, ["dangling", "symbolic link to a missing file"]),
        ("", 64, ["-o needs a file name"]),
        ("--size", 64, ["-o '--size' looks like an option", "./--size"]),
        ("/dev/fd/9", 1, ["/dev/fd/9", "descriptor 9 is not open"]),
    ]

    @Test(arguments: refused)
    func impossiblePathsAreOneLine(_ path: String, _ status: Int32, _ words: [String]) throws {
        try withTemporaryDirectory("paths-refused") { dir in
            try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: dir + "/plain", contents: Data("keep".utf8))
            symlink(dir + "/missing-target", dir + "/dangling")
            let before = Self.files(dir)
            let r = Self.render("-o '\(path)'", in: dir)
            #expect(r.status == status, "-o \(path): exit \(r.status) \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
            for word in words { #expect(r.err.contains(word), "-o \(path): \(r.err)") }
            #expect(Self.files(dir) == before, "nothing written")
            #expect((try? String(contentsOfFile: dir + "/plain", encoding: .utf8)) == "keep")
        }
    }

    @Test func aPathWithANewlineIsNamedOnOneLine() {
        withTemporaryDirectory("paths-newline") { dir in
            let r = Self.render("-o 'no\nsuch/x'", in: dir)
            #expect(r.status == 1)
            #expect(r.err == "convscope: cannot write no\\nsuch/x: directory no\\nsuch does not exist\n")
        }
    }

    @Test func newFilesFollowTheUmaskAndForceKeepsTheOldMode() {
        withTemporaryDirectory("paths-mode") { dir in
            #expect(shell("cd '\(dir)' && umask 027 && '\(Binary.path)' render -o new.json").status == 0)
            #expect(Self.mode(dir + "/new.json") == 0o640)
            #expect(shell("cd '\(dir)' && umask 0 && '\(Binary.path)' render -o open.json").status == 0)
            #expect(Self.mode(dir + "/open.json") == 0o666)
            _ = FileManager.default.createFile(atPath: dir + "/private.txt", contents: Data("old".utf8))
            chmod(dir + "/private.txt", 0o600)
            #expect(Self.render("--force -o private.txt", in: dir).status == 0)
            #expect(Self.mode(dir + "/private.txt") == 0o600, "--force keeps the mode")
            #expect((try? String(contentsOfFile: dir + "/private.txt", encoding: .utf8)) == Self.picture)
            #expect(Self.files(dir) == ["new.json", "open.json", "private.txt"])
        }
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }
}

/// Special files: a device, a FIFO or a descriptor path is written into, never renamed over
/// (`--force` replaces regular files only); a symbolic link is followed to the file it names.
@Suite("Special output files")
struct SpecialOutputTests {
    @Test func devNullStaysADeviceEvenWithForce() {
        for force in ["", "--force"] {
            let r = shell("'\(Binary.path)' render \(force) -o /dev/null")
            #expect(r.status == 0, "\(r.err)")
            #expect(OutputPathTests.type("/dev/null") == S_IFCHR, "/dev/null is still a device")
        }
    }

    @Test func aFIFOIsWrittenIntoAndStaysAFIFO() {
        withTemporaryDirectory("fifo") { dir in
            #expect(mkfifo(dir + "/pipe", 0o600) == 0)
            // The reader gives up after a while, so a pipe renamed over (no writer ever comes) fails
            // the test instead of hanging it.
            let r = shell("cd '\(dir)' && { timeout -s KILL 20 cat pipe > got & } && '\(Binary.path)' render --format text --size 60x20 --force -o pipe && wait")
            #expect(r.status == 0, "\(r.err)")
            #expect(OutputPathTests.type(dir + "/pipe") == S_IFIFO)
            #expect((try? String(contentsOfFile: dir + "/got", encoding: .utf8)) == OutputPathTests.picture)
            #expect(OutputPathTests.files(dir) == ["got", "pipe"])
        }
    }

    @Test func descriptorPathsReachTheDescriptor() {
        withTemporaryDirectory("fd") { dir in
            let text = "'\(Binary.path)' render --format text --size 60x20"
            #expect(shell("cd '\(dir)' && \(text) -o /dev/fd/3 3> got3").status == 0)
            #expect(shell("cd '\(dir)' && \(text) --force -o /dev/stdout > got1").status == 0)
            #expect(shell("cd '\(dir)' && \(text) -o /proc/self/fd/1 > gotp").status == 0)
            for name in ["got3", "got1", "gotp"] {
                #expect((try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) == OutputPathTests.picture, "\(name)")
            }
            symlink("/proc/self/fd/1", dir + "/to-stdout")
            let r = shell("cd '\(dir)' && \(text) --force -o to-stdout")
            #expect(r.out == OutputPathTests.picture, "through a link to /proc/self/fd/1")
            #expect(OutputPathTests.type(dir + "/to-stdout") == S_IFLNK, "the link is not renamed over")
            if shell("command -v bash").status == 0 {
                let substituted = shell("cd '\(dir)' && bash -c '\(text) -o >(cat > gotb); wait'")
                #expect(substituted.status == 0, "\(substituted.err)")
                let got = (try? String(contentsOfFile: dir + "/gotb", encoding: .utf8)) ?? ""
                #expect(got == OutputPathTests.picture, "bash process substitution")
            }
        }
    }

    @Test func aLinkToARegularFileIsFollowedAndKept() {
        withTemporaryDirectory("link") { dir in
            _ = FileManager.default.createFile(atPath: dir + "/target.txt", contents: Data("old".utf8))
            chmod(dir + "/target.txt", 0o640)
            symlink("target.txt", dir + "/link.txt")
            let refused = OutputPathTests.render("-o link.txt", in: dir)
            #expect(refused.status == 1 && refused.err.contains("already exists; use --force"), "\(refused.err)")
            #expect(OutputPathTests.render("--force -o link.txt", in: dir).status == 0)
            #expect(OutputPathTests.type(dir + "/link.txt") == S_IFLNK, "still a link")
            #expect((try? String(contentsOfFile: dir + "/target.txt", encoding: .utf8)) == OutputPathTests.picture)
            #expect(OutputPathTests.mode(dir + "/target.txt") == 0o640)
            #expect(OutputPathTests.files(dir) == ["link.txt", "target.txt"])
        }
    }
}

/// Flags and paths refused with what is allowed or what the path is.
@Suite("Refusals that say why")
struct RefusalWordingTests {
    /// A variant is any word (a student's name or number), so even -1 or a number past any
    /// integer names a lab, the same every time.
    @Test func anyVariantWordGivesItsOwnLab() {
        for word in ["-1", "99999999999999999999999"] {
            let first = shell("'\(Binary.path)' exercise --generate 3 --variant \(word)")
            #expect(first.status == 0 && first.out.contains("variant \(word)"), "\(first.err)")
            #expect(shell("'\(Binary.path)' exercise --generate 3 --variant \(word)").out == first.out)
        }
    }

    @Test func aKernelFileIsNamedAsOne() {
        let r = shell("'\(Binary.path)' render --format text -o /proc/self/mem --force")
        #expect(r.status != 0 && r.err.contains("it is a file of the kernel's") && !r.err.contains("No such file"), "\(r.err)")
    }
}

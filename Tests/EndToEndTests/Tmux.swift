import Foundation
import Testing

/// Expects `convscope render --format json` with `flags` to run (exit 0), naming the flags and
/// the error line when it does not.
func expectRendersJSON(_ flags: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let r = shell("'\(Binary.path)' render --format json \(flags)")
    #expect(r.status == 0, "\(flags): \(r.err)", sourceLocation: sourceLocation)
}

/// Runs a command and returns its exit status and output (stdout and stderr apart).
@discardableResult
func shell(_ command: String, environment: [String: String]? = nil) -> (status: Int32, out: String, err: String) {
    // Never the user's real state file: every command gets a throwaway state home.
    var env = environment ?? ProcessInfo.processInfo.environment
    if env["XDG_STATE_HOME"] == nil { env["XDG_STATE_HOME"] = TestArea.root + "/state" }
    return spawnShell(command, environment: TestArea.isolated(env))
}

/// Everything this test process puts on disk or starts: one folder under the temporary directory
/// and one private tmux server, so a run inside the user's own tmux never touches their sessions.
/// Every command runs with TMUX unset and TMUX_TMPDIR in that folder, so even a plain `tmux …`
/// reaches the private server (`tmux -L` alone would miss those). Both go when the process exits.
enum TestArea {
    static let name = "convscope-e2e-\(getpid())"
    static let root: String = {
        let path = NSTemporaryDirectory() + name
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { TestArea.cleanUp() }
        return path
    }()
    /// The tmux command, without any user configuration.
    static let tmux = "tmux -L convscope-tests -f /dev/null"

    /// `environment` with tmux pointed at this process's private server.
    static func isolated(_ environment: [String: String]) -> [String: String] {
        var env = environment
        env["TMUX"] = nil
        env["TMUX_TMPDIR"] = root
        return env
    }

    static func cleanUp() {
        _ = spawnShell("\(tmux) kill-server 2>/dev/null; chmod -R u+w '\(root)' 2>/dev/null; rm -rf '\(root)'",
                       environment: isolated(ProcessInfo.processInfo.environment))
    }
}

/// The package root and the convscope binary the tests drive. `swift test` builds it with the
/// tests; `swift test --skip-build` (or a test binary run by hand) may find it missing or older
/// than the sources. Then every test that uses it fails with the reason, rather than testing an
/// old build. No build from here: `swift test` holds the build folder's lock while tests run, so a
/// nested `swift build` would wait for it forever (seen with --skip-build).
enum Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    private static let candidate = root + "/.build/debug/convscope"
    private static let stale = staleness(of: candidate)

    static var path: String {
        if let stale { Issue.record("the convscope binary cannot be trusted: \(stale); run `swift build`, then the tests") }
        return candidate
    }

    /// Why the binary at `path` cannot be trusted, or nil: it is missing, or a source changed after
    /// it was last compiled. SwiftPM does not relink when a change leaves the objects the same (a
    /// comment, say), so a Swift file counts as built when its compiler record (`X.d` in its
    /// module's build folder) is newer than it; `--skip-build` touches other build files, not those.
    /// The C shim is compared with the binary itself. Package.swift is not: a change to it that
    /// matters recompiles the modules, and one that does not (a comment) leaves nothing to compare.
    static func staleness(of path: String) -> String? {
        guard let built = modificationDate(path) else { return "\(path) does not exist" }
        let objects = root + "/.build/debug"
        let sources = root + "/Sources"
        var checks: [(file: String, record: String)] = []
        for case let file as String in FileManager.default.enumerator(atPath: sources) ?? .init() {
            let name = (file as NSString).lastPathComponent
            let module = file.split(separator: "/").first.map(String.init) ?? ""
            guard name.contains(".") else { continue }
            let record = name.hasSuffix(".swift") ? "\(objects)/\(module).build/\(name.dropLast(6)).d" : path
            checks.append((sources + "/" + file, record))
        }
        for (file, record) in checks {
            guard let changed = modificationDate(file) else { continue }
            if changed > max(built, modificationDate(record) ?? .distantPast) {
                return "\(file) changed after the binary was built"
            }
        }
        return nil
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// A tmux session running convscope: the real terminal of the end-to-end tests.
final class TmuxSession {
    let name: String
    let dir: String
    nonisolated(unsafe) static var counter = 0
    static let lock = NSLock()

    /// True when tmux is installed; tests fail with "install tmux" otherwise.
    static var available: Bool { shell("command -v tmux").status == 0 }

    /// Starts `command` (run by sh in the pane) in a detached session of the given size. The pane
    /// records `stty -a` before and after the command and prints EXIT=<status> when it ends.
    init(columns: Int = 80, rows: Int = 24, command: String) {
        Self.lock.lock(); Self.counter += 1; let n = Self.counter; Self.lock.unlock()
        // tmux takes a target that names no session as a prefix of one: once session-1 had ended,
        // `-t session-1` (the deinit's kill, a capture) reached session-12 and closed another test's
        // window. No name here is a prefix of another.
        name = "session-\(n)-e2e"
        dir = TestArea.root + "/" + name
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Each session keeps its own state and settings files, never the user's real ones, and a UTF-8 locale
        // whatever the environment tests run in (commands may override it, e.g. LANG=C).
        let script = """
            export XDG_STATE_HOME='\(dir)/state' XDG_CONFIG_HOME='\(dir)/config' LANG=C.UTF-8; stty -a > '\(dir)/before'; \(command); echo EXIT=$? > '\(dir)/exit'; \
            stty -a > '\(dir)/after'; echo EXIT=$(cat '\(dir)/exit'); sleep 60
            """
        try! script.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
        // The tmux server inherits our descriptors; give it /dev/null so reading our pipes ends.
        // A new session can reach a server that is exiting because another test closed its last
        // session; that start fails and the pane stays empty (seen under load). Start again until
        // the session exists, within the same patience a test waits for a screen.
        let deadline = Date().addingTimeInterval(Self.patience)
        repeat {
            let started = shell("\(TestArea.tmux) new-session -d -s \(name) -x \(columns) -y \(rows) 'sh \(dir)/run.sh' </dev/null >/dev/null 2>&1")
            if started.status == 0 || shell("\(TestArea.tmux) has-session -t \(name) 2>/dev/null").status == 0 { break }
            usleep(50_000)
        } while Date() < deadline
    }

    deinit { kill(); try? FileManager.default.removeItem(atPath: dir) }

    /// Closes the window: the pane's programs lose their terminal.
    func kill() { shell("\(TestArea.tmux) kill-session -t \(name) 2>/dev/null") }

    /// Sends tmux key names (e.g. "Right", "C-c", "q").
    func send(_ keys: String...) { shell("\(TestArea.tmux) send-keys -t \(name) " + keys.map { "'\($0)'" }.joined(separator: " ")) }

    /// Sends literal text.
    func type(_ text: String) { shell("\(TestArea.tmux) send-keys -t \(name) -l '\(text)'") }

    func resize(columns: Int, rows: Int) { shell("\(TestArea.tmux) resize-window -t \(name) -x \(columns) -y \(rows)") }

    /// The screen as text.
    func capture() -> String { shell("\(TestArea.tmux) capture-pane -p -t \(name)").out }

    /// How long a wait for a state may take before the test fails: generous for a machine whose
    /// cores are all busy (a debug build starting under load average 10 took over 15 s). A wait
    /// that succeeds returns as soon as the state is there, so this costs nothing when it passes.
    static let patience: Double = 60

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    func waitFor(timeout: Double = patience, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            usleep(50_000)
            screen = capture()
        }
        return (true, screen)
    }

    func waitFor(_ text: String, timeout: Double = patience) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The exit status once the command has ended.
    func exitStatus(timeout: Double = patience) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: dir + "/exit", encoding: .utf8),
               let value = Int32(text.replacingOccurrences(of: "EXIT=", with: "").trimmingCharacters(in: .whitespacesAndNewlines)),
               FileManager.default.fileExists(atPath: dir + "/after") {
                usleep(100_000)
                return value
            }
            usleep(50_000)
        }
        return nil
    }

    /// `stty -a` before the command and after it ended.
    var sttyBeforeAndAfter: (before: String, after: String) {
        ((try? String(contentsOfFile: dir + "/before", encoding: .utf8)) ?? "",
         (try? String(contentsOfFile: dir + "/after", encoding: .utf8)) ?? "")
    }

    /// Whether the pane's terminal is in keypad (application cursor) mode: arrows arrive as ESC O C.
    var keypadCursorMode: Bool {
        shell("\(TestArea.tmux) display -p -t \(name) '#{keypad_cursor_flag}'").out.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of convscope inside the pane.
    var programPID: Int32? {
        let out = shell("pgrep -f '^\(Binary.path)' | head -50").out
        let panePid = shell("\(TestArea.tmux) display -p -t \(name) '#{pane_pid}'").out.trimmingCharacters(in: .whitespacesAndNewlines)
        for pid in out.split(separator: "\n") {
            let parent = shell("ps -o ppid= -p \(pid)").out.trimmingCharacters(in: .whitespaces)
            if parent.trimmingCharacters(in: .whitespacesAndNewlines) == panePid { return Int32(pid) }
        }
        return nil
    }
}

/// Fails the test with the message CI needs when tmux is missing.
func requireTmux() -> Bool {
    if TmuxSession.available { return true }
    Issue.record("install tmux: the end-to-end tests drive convscope in tmux (apt-get install tmux)")
    return false
}

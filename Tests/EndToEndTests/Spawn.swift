import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `/bin/sh -c command` with posix_spawn and waitpid, capturing stdout and stderr.
///
/// Why not Foundation's Process: tests run in parallel, and a child started by Process can inherit
/// the pipe ends another test is reading (a tmux server started by the first session keeps them
/// open forever), and Process.waitUntilExit was seen to hang on a child that had already exited.
/// Here every descriptor above 2 is closed in the child and the parent reaps its own child.
func spawnShell(_ command: String, environment: [String: String]) -> (status: Int32, out: String, err: String) {
    var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
    guard pipe2(&outPipe, O_CLOEXEC) == 0, pipe2(&errPipe, O_CLOEXEC) == 0 else { return (-1, "", "pipe failed") }
    var actions = newSpawnActions()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    _ = addCloseFrom(&actions, 3)
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
    close(outPipe[1]); close(errPipe[1])
    guard spawned == 0 else { close(outPipe[0]); close(errPipe[0]); return (-1, "", "spawn failed: \(spawned)") }
    // Read both pipes until both close, without letting either fill up.
    var out = [UInt8](), err = [UInt8]()
    var open = [outPipe[0], errPipe[0]]
    var buffer = [UInt8](repeating: 0, count: 65536)
    while !open.isEmpty {
        var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        if poll(&fds, nfds_t(fds.count), -1) < 0 { if errno == EINTR { continue }; break }
        for f in fds where f.revents != 0 {
            let n = read(f.fd, &buffer, buffer.count)
            if n > 0 {
                if f.fd == outPipe[0] { out += buffer[0..<n] } else { err += buffer[0..<n] }
            } else if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
                close(f.fd)
                open.removeAll { $0 == f.fd }
            }
        }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, and 128 + signal like a shell for a killed child.
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

#if canImport(Glibc)
private func newSpawnActions() -> posix_spawn_file_actions_t { posix_spawn_file_actions_t() }
private func newSpawnAttributes() -> posix_spawnattr_t { posix_spawnattr_t() }

// glibc has both (2.34+), but Swift's Glibc module does not import them: look them up at run time.
private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

private func symbol<T>(_ name: String, as type: T.Type) -> T {
    guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("\(name) is missing from libc") }
    return unsafeBitCast(address, to: type)
}

/// pipe2(2): both ends close-on-exec from the start, so no concurrent spawn inherits them.
private func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 { symbol("pipe2", as: Pipe2.self)(fds, flags) }

/// posix_spawn_file_actions_addclosefrom_np: close every descriptor from `low` up in the child.
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ low: Int32) -> Int32 {
    symbol("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)(actions, low)
}
#elseif canImport(Darwin)
// Not built here (Linux only): written to keep the package compiling on macOS.
private func newSpawnActions() -> posix_spawn_file_actions_t? { nil }
private func newSpawnAttributes() -> posix_spawnattr_t? { nil }

/// Darwin has no pipe2: close-on-exec is set straight after (a concurrent spawn could slip in).
private func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
    guard pipe(fds) == 0 else { return -1 }
    for end in 0..<2 { _ = fcntl(fds[end], F_SETFD, FD_CLOEXEC) }
    return 0
}

/// Darwin has no addclosefrom; every pipe these helpers make is close-on-exec instead.
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t?>, _ low: Int32) -> Int32 { 0 }
#endif

/// Runs `body` with a new empty directory, removed afterwards (made writable first, for tests
/// that take the write bit away). Each call gets its own, so parallel test cases never share one.
func withTemporaryDirectory(_ name: String, _ body: (String) throws -> Void) rethrows {
    let dir = TestArea.root + "/" + name + "-" + String(temporaryDirectoryCount.add(1, ordering: .relaxed).newValue)
    try? FileManager.default.removeItem(atPath: dir)
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
    try body(dir)
}

/// A program started in the background with SIGINT, SIGTERM and SIGHUP at their defaults (a
/// shell's `&` would ignore SIGINT), its output discarded, so a test can signal it mid-work.
struct BackgroundProcess {
    let pid: pid_t

    init(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        var actions = newSpawnActions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        _ = addCloseFrom(&actions, 3)
        var attributes = newSpawnAttributes()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        pid = spawned == 0 ? child : -1
    }

    /// True until the process has exited (it stays a zombie until `wait`).
    var isRunning: Bool {
        guard let state = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !(state.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? true)
    }

    /// Its peak resident memory so far in kilobytes (VmHWM), nil once it has exited.
    var peakMemoryKilobytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }

    /// Waits for the exit; the status as a shell reports it (128 + signal for a killed process).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

private let temporaryDirectoryCount = Atomic<Int>(0)

import ConvScopeRuntime
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the run loop polls, so the terminal is always
/// restored by the same code path as `q` (ncurses calls are not safe inside a signal handler).
final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        var made: [any DispatchSourceSignal] = []
        let flag = FlagBox()
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                flag.value.store(number, ordering: .relaxed)
                LoopWakeup.shared.wake()  // an idle loop waits with no timeout
            }
            source.resume()
            made.append(source)
        }
        sources = made
        box = flag
    }

    private let box: FlagBox

    /// The signal that arrived, if any.
    var received: Int32? {
        let n = box.value.load(ordering: .relaxed)
        return n == 0 ? nil : n
    }

    /// Exit status for a signal, as shells report it (128 + number).
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }
}

private final class FlagBox: Sendable {
    let value = Atomic<Int32>(0)
}

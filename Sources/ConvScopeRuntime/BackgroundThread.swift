#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine's background queue policy: every background job runs on a thread of its own,
/// started for it and ended with it. Nothing is left behind that wakes: Dispatch's global pool
/// would, once used, wake the process every second for good (see `Workers` in ConvCore).
enum BackgroundThread {
    /// Runs `work` on a new thread; runs it here when no thread can be made.
    static func start(_ work: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Work(work)).toOpaque()
        var thread = pthread_t()
        let made = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        if made == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run()
        }
    }

    /// A job handed to its thread.
    private final class Work: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

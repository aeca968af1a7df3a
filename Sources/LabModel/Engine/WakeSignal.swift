import Dispatch
import Foundation
import Synchronization

/// Lets the engine's thread sleep until there is work (a wake) or a deadline, whichever comes
/// first. Wakes coalesce; one that arrives while nobody waits is kept for the next wait.
final class WakeSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let pending = Mutex(false)

    func wake() {
        let shouldSignal = pending.withLock { pending in
            defer { pending = true }
            return !pending
        }
        if shouldSignal { semaphore.signal() }
    }

    /// Blocks the calling thread until the next wake, or for at most `seconds`.
    func wait(atMost seconds: TimeInterval) {
        _ = semaphore.wait(timeout: .now() + seconds)
        pending.withLock { $0 = false }
    }
}

import Foundation
import Synchronization

/// How many requests a second the emulator answers before it says 429 (`serve --rate-limit`),
/// so people can try their retry code. Written `N/s` (or `N`, or `N/m` for a minute).
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    public let requestsPerSecond: Double

    public init(requestsPerSecond: Double) {
        self.requestsPerSecond = requestsPerSecond
    }

    /// From one an hour to a million a second: beyond, the arithmetic of waits stops meaning much.
    public static let allowed: ClosedRange<Double> = (1.0 / 3600)...1_000_000

    /// `20/s`, `20`, `600/m`; nil for anything else or a rate outside `allowed`.
    public init?(_ text: String) {
        let parts = text.lowercased().replacingOccurrences(of: " ", with: "").split(
            separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let count = Double(parts[0]), count.isFinite, count > 0 else { return nil }
        let unit = parts.count == 2 ? String(parts[1]) : "s"
        switch unit {
        case "s", "sec", "second": requestsPerSecond = count
        case "m", "min", "minute": requestsPerSecond = count / 60
        default: return nil
        }
        guard Self.allowed.contains(requestsPerSecond) else { return nil }
    }

    /// Per second from one a second up, per minute below.
    public var description: String {
        let (count, unit) = requestsPerSecond >= 1 ? (requestsPerSecond, "s") : (requestsPerSecond * 60, "m")
        let shown = count == count.rounded() ? String(Int(count)) : String(format: "%.2f", count)
        return "\(shown)/\(unit)"
    }
}

/// A token bucket: a second's worth of requests may come at once, then they are let through
/// at the rate. A refused request is told how many whole seconds until one would pass.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let limit: RateLimit
    private let capacity: Double
    private let bucket: Mutex<Bucket>
    private let clock: @Sendable () -> ContinuousClock.Instant

    init(_ limit: RateLimit, clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.limit = limit
        self.clock = clock
        capacity = max(1, limit.requestsPerSecond)
        bucket = Mutex(Bucket(tokens: max(1, limit.requestsPerSecond), updated: clock()))
    }

    /// Nil when the request may go ahead; else the seconds to wait (at least 1, as `Retry-After` counts).
    func admit() -> Int? {
        let now = clock()
        return bucket.withLock { bucket in
            let elapsed = bucket.updated.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + max(0, seconds) * limit.requestsPerSecond)
            bucket.updated = now
            guard bucket.tokens < 1 else {
                bucket.tokens -= 1
                return nil
            }
            // Capped at a day, whatever rate a caller built by hand.
            return max(1, Int(min(86_400, ((1 - bucket.tokens) / limit.requestsPerSecond).rounded(.up))))
        }
    }
}

extension APIError {
    /// Marketing Cloud's throttling answer: 429, errorcode 50100, the wait in the body and in `Retry-After`.
    static func rateLimited(retryAfter seconds: Int) -> APIError {
        var error = envelope(
            .tooManyRequests, "Rate limit exceeded", code: 50100, documentation: documentation,
            extra: ["retryAfter": .number(seconds)])
        error.headers[.retryAfter] = String(seconds)
        return error
    }
}

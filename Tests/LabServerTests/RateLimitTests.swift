import Foundation
import LabModel
import Synchronization
import Testing

@testable import LabServer

/// `serve --rate-limit`: a second's worth of requests at once, then the rate; beyond it,
/// Marketing Cloud's 429 with errorcode 50100 and how long to wait, so retry code can be tried.
@Suite struct RateLimitTests {
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(by duration: Duration) { instant.withLock { $0 += duration } }
    }

    @Test func ratesAreReadAsPeopleWriteThem() {
        #expect(RateLimit("20/s")?.requestsPerSecond == 20)
        #expect(RateLimit("20")?.requestsPerSecond == 20)
        #expect(RateLimit(" 600 / m ")?.requestsPerSecond == 10)
        #expect(RateLimit("1.5/s")?.requestsPerSecond == 1.5)
        for refused in ["0/s", "-3/s", "fast", "5/h", "", "nan/s", "inf", "3/s/s", "1e300/s", "1e-20/s"] {
            #expect(RateLimit(refused) == nil, "\(refused)")
        }
        #expect(RateLimit("20/s")?.description == "20/s")
        #expect(RateLimit("30/m")?.description == "30/m")
        #expect(RateLimit("1.5/s")?.description == "1.50/s")
    }

    @Test func aBurstThenTheRateThenTheWait() {
        let clock = ManualClock()
        let limiter = RateLimiter(RateLimit(requestsPerSecond: 3), clock: { clock.now })
        #expect((0..<3).map { _ in limiter.admit() } == [nil, nil, nil])
        #expect(limiter.admit() == 1)
        clock.advance(by: .milliseconds(340))
        #expect(limiter.admit() == nil)
        #expect(limiter.admit() == 1)
        clock.advance(by: .seconds(10))
        #expect((0..<4).map { _ in limiter.admit() } == [nil, nil, nil, 1])
        // Slower than one a second: the wait is the whole seconds until the next one.
        let slow = RateLimiter(RateLimit(requestsPerSecond: 0.25), clock: { clock.now })
        #expect(slow.admit() == nil)
        #expect(slow.admit() == 4)
        clock.advance(by: .seconds(3))
        #expect(slow.admit() == 1)
        clock.advance(by: .seconds(1))
        #expect(slow.admit() == nil)
    }

    /// One a minute, so the second request is over the limit however slow the machine is.
    @Test func overTheLimitTheEmulatorAnswers429WithRetryAfter() async throws {
        let fixture = try await EmulatorFixture(rateLimit: RateLimit("1/m"))
        #expect(try await fixture.send("GET", "/interaction/v1/interactions").status == 401)  // let through: no token
        let refused = try await fixture.send("GET", "/interaction/v1/interactions")
        #expect(refused.status == 429)
        let wait = try #require(refused.headers["retry-after"].flatMap { Int($0) })
        #expect((30...60).contains(wait))
        #expect(
            refused.json
                == .object([
                    "message": .string("Rate limit exceeded"), "errorcode": .number(50100), "retryAfter": .number(wait),
                    "documentation": .string(APIError.documentation),
                ]))
        #expect(refused.headers["content-type"] == "application/json; charset=utf-8")
        // Token requests count too: retry code sees the same answer wherever it is.
        #expect(try await fixture.send("POST", "/v2/token", body: "{}").status == 429)
        // Refused requests are in the request log, as Marketing Cloud's would be in its logs.
        #expect(try fixture.workspace.requestLog().contains { $0.status == 429 })
    }
}

import Foundation
import LabClient
import LabModel
import Synchronization
import TestSupport
import Testing

/// Tokens against a real emulator: fetched once, refreshed before they expire, refetched
/// after the server forgets them, and the tenant flow through an injected auth host.
@Suite struct ClientTokenTests {
    static func client(_ emulator: RunningEmulator, flow: AuthFlow = .oauth2) -> MarketingCloudClient {
        let app = emulator.seed!.app
        return MarketingCloudClient(
            endpoints: .emulator(baseURL: emulator.baseURL),
            credentials: ClientCredentials(clientID: app.clientID, clientSecret: app.clientSecret), authFlow: flow)
    }

    /// The emulator's request log, oldest first: what the client actually sent.
    static func requests(_ emulator: RunningEmulator) throws -> [RequestLogEntry] {
        try emulator.workspace.requestLog(last: 1_000).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    /// The client's clock moves by hand; the server's tokens live 30 s of real time, far longer
    /// than the test, so every refresh is the client's own decision.
    @Test func aShortLivedTokenIsReusedThenRefreshedBeforeItExpires() async throws {
        let emulator = try await RunningEmulator(tokenLifetime: 30)
        let app = emulator.seed!.app
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let client = MarketingCloudClient(
            endpoints: .emulator(baseURL: emulator.baseURL),
            credentials: ClientCredentials(clientID: app.clientID, clientSecret: app.clientSecret),
            clock: { now.withLock { $0 } })
        let first = try await client.token()
        #expect(first.expiresIn == 30)
        _ = try await client.journeys()
        now.withLock { $0 += 26.9 }  // 3 s before expiry: not yet time to refresh
        _ = try await client.eventDefinitions()
        #expect(try await client.token() == first)
        now.withLock { $0 += 0.2 }  // within the last tenth of its life
        _ = try await client.journeys()
        let second = try await client.token()
        #expect(second.accessToken != first.accessToken)
        let log = try Self.requests(emulator)
        #expect(log.filter { $0.path == "/v2/token" }.count == 2)
        #expect(!log.contains { $0.status == 401 }, "refreshed ahead of expiry, never refused")
    }

    @Test func aTokenTheServerForgotIsRefetchedOnceAndTheCallSucceeds() async throws {
        let emulator = try await RunningEmulator()
        let client = Self.client(emulator)
        let before = try await client.journeys()
        try await emulator.restart()
        let after = try await client.send("GET", "/interaction/v1/interactions")
        #expect(after.status == 200)
        #expect(after.json?["count"]?.int == before.count)
        let statuses = try Self.requests(emulator).filter { $0.path.hasPrefix("/interaction/v1/interactions") }.map(\.status)
        #expect(statuses == [200, 401, 200])
        #expect(try Self.requests(emulator).filter { $0.path == "/v2/token" }.count == 2)
    }

    @Test func theTenantFlowTakesTheRestURLFromTheTokenReply() async throws {
        let emulator = try await RunningEmulator()
        let app = emulator.seed!.app
        let subdomain = "mc563885gzs27c5t9-63k636ttgm"
        let endpoints = ServiceEndpoints.tenant(subdomain: subdomain, authTemplate: emulator.baseURL)
        #expect(endpoints.restBaseURL == "https://\(subdomain).rest.marketingcloudapis.com")
        let client = MarketingCloudClient(
            endpoints: endpoints, credentials: ClientCredentials(clientID: app.clientID, clientSecret: app.clientSecret))
        let reply = try await client.send("GET", "/interaction/v1/interactions")
        #expect(reply.status == 200 && reply.url.hasPrefix(emulator.baseURL + "/interaction"))
        #expect(try await client.token().restInstanceURL == emulator.baseURL + "/")
    }

    @Test func theLegacyFlowUsesRequestToken() async throws {
        let emulator = try await RunningEmulator()
        let client = Self.client(emulator, flow: .legacy)
        let grant = try await client.token()
        #expect(grant.expiresIn == 3600 && grant.restInstanceURL == nil)
        #expect(try await client.journeys().map(\.key) == ["member-updates"])
        #expect(try Self.requests(emulator).first?.path == "/v1/requestToken")
    }

    @Test func refusedCredentialsSayWhy() async throws {
        let emulator = try await RunningEmulator()
        let client = MarketingCloudClient(
            endpoints: .emulator(baseURL: emulator.baseURL),
            credentials: ClientCredentials(clientID: "nobody", clientSecret: "wrong"))
        await #expect {
            try await client.journeys()
        } throws: { error in
            guard case MarketingCloudError.auth(401, "invalid_client", let description) = error else { return false }
            return description.contains("Client authentication failed")
        }
        // AsyncHTTPClient retries a refused connection until the request's deadline.
        let unreachable = MarketingCloudClient(
            endpoints: .emulator(baseURL: "http://127.0.0.1:9"),
            credentials: ClientCredentials(clientID: "a", clientSecret: "b"), timeout: .seconds(1))
        await #expect {
            try await unreachable.token()
        } throws: { error in
            guard case MarketingCloudError.unreachable(let url, _) = error else { return false }
            return url == "http://127.0.0.1:9/v2/token"
        }
    }
}

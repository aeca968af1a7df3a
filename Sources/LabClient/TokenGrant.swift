import Foundation

/// A token and what came with it.
public struct TokenGrant: Sendable, Hashable {
    public var accessToken: String
    /// Seconds it lives, as the server said.
    public var expiresIn: Int
    public var scope: String?
    /// Where REST calls go (`rest_instance_url`); the legacy flow names none.
    public var restInstanceURL: String?
    /// When it was issued, by the client's clock.
    public var issuedAt: Date

    public var expiresAt: Date { issuedAt.addingTimeInterval(TimeInterval(expiresIn)) }

    /// Refreshed this long before it expires: a minute, or a tenth of a short life.
    var refreshMargin: TimeInterval { min(60, TimeInterval(expiresIn) / 10) }
}

/// The token in use: shared by concurrent calls, fetched once, refreshed before it expires.
actor TokenCache {
    private var grant: TokenGrant?
    private var pending: Task<TokenGrant, any Error>?

    func token(now: Date, fetch: @escaping @Sendable () async throws -> TokenGrant) async throws -> TokenGrant {
        if let grant, now < grant.expiresAt.addingTimeInterval(-grant.refreshMargin) { return grant }
        if let pending { return try await pending.value }
        let task = Task { try await fetch() }
        pending = task
        defer { pending = nil }
        let fresh = try await task.value
        grant = fresh
        return fresh
    }

    /// Forgets `token` after the server refused it (restarted, revoked, clocks apart).
    func discard(_ token: String) {
        if grant?.accessToken == token { grant = nil }
    }
}

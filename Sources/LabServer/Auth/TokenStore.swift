import Foundation
import LabModel
import Synchronization

/// Access tokens the emulator issued, with the app and scopes each carries. Tokens live in
/// memory: a restarted emulator asks clients to fetch new ones, as an expired token would.
final class TokenStore: Sendable {
    struct Grant: Sendable {
        let app: InstalledApp
        let scopes: Set<Scope>
        let expiresAt: Date
    }

    private let grants = Mutex<[String: Grant]>([:])
    private let refreshTokens = Mutex<[String: UUID]>([:])

    /// A token valid for `lifetime` seconds; expired ones are forgotten as new ones are issued.
    func issue(to app: InstalledApp, scopes: Set<Scope>, lifetime: TimeInterval, now: Date = Date()) -> (
        token: String, grant: Grant
    ) {
        let token = Self.randomToken(length: 64)
        let grant = Grant(app: app, scopes: scopes, expiresAt: now.addingTimeInterval(lifetime))
        grants.withLock { grants in
            grants = grants.filter { $0.value.expiresAt > now }
            grants[token] = grant
        }
        return (token, grant)
    }

    /// A single-use refresh token for the legacy `accessType: offline`.
    func issueRefreshToken(for app: InstalledApp) -> String {
        let token = Self.randomToken(length: 24)
        refreshTokens.withLock { $0[token] = app.id }
        return token
    }

    /// Uses up a refresh token, if it is one and belongs to `appID`.
    func redeemRefreshToken(_ token: String, for appID: UUID) -> Bool {
        refreshTokens.withLock { tokens in
            guard tokens[token] == appID else { return false }
            tokens.removeValue(forKey: token)
            return true
        }
    }

    enum Check {
        case valid(Grant)
        case unknown
        case expired
    }

    func check(_ token: String, now: Date = Date()) -> Check {
        guard let grant = grants.withLock({ $0[token] }) else { return .unknown }
        return grant.expiresAt > now ? .valid(grant) : .expired
    }

    private static func randomToken(length: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

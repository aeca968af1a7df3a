import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// `POST /v1/requestToken` (legacy) and `POST /v2/token` (OAuth 2.0 client credentials).
struct AuthRoutes: RouteFamily {
    static let refusals = RefusalDialect.standard
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.post, "/v1/requestToken", operation: nil) { try requestToken($0) },
            Route(.post, "/v2/token", operation: nil) { try token($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    /// `clientId` + `clientSecret` (or a `refreshToken`) → `accessToken`, `expiresIn`, `legacyToken`.
    func requestToken(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        let unauthorized = APIError.envelope(.unauthorized, "Unauthorized", code: 1)
        guard let clientID = try body.nonEmptyString("clientId"), let secret = try body.nonEmptyString("clientSecret"),
            let app = try workspace.app(clientID: clientID), app.clientSecret == secret
        else { throw unauthorized }
        // A refresh token stands for a fresh sign-in, once, and only for the app it was given to.
        if let refresh = try body.nonEmptyString("refreshToken"), !emulator.tokens.redeemRefreshToken(refresh, for: app.id) {
            throw unauthorized
        }
        let (token, _) = emulator.tokens.issue(to: app, scopes: app.scopes, lifetime: TimeInterval(emulator.legacyLifetime))
        let lifetime = emulator.legacyLifetime
        var fields: [String: JSONValue] = [
            "accessToken": .string(token), "expiresIn": .number(lifetime), "legacyToken": .string(token),
        ]
        if try body.stringMember("accessType")?.lowercased() == "offline" {
            fields["refreshToken"] = .string(emulator.tokens.issueRefreshToken(for: app))
        }
        try workspace.recordTokenIssued(to: app, through: "/v1/requestToken", scopes: app.scopes, lifetime: lifetime)
        return EmulatorResponse(status: .ok, body: .object(fields))
    }

    /// `grant_type=client_credentials`, `client_id`, `client_secret`, optional `scope` (a subset
    /// of the app's) and `account_id`; JSON or form-encoded.
    func token(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonOrForm()
        guard try body.stringMember("grant_type") == "client_credentials" else {
            throw oauthError(.badRequest, "unsupported_grant_type", "Only grant_type client_credentials is supported here.")
        }
        guard let clientID = try body.nonEmptyString("client_id"), let secret = try body.nonEmptyString("client_secret"),
            let app = try workspace.app(clientID: clientID), app.clientSecret == secret
        else {
            throw oauthError(
                .unauthorized, "invalid_client",
                "Client authentication failed. Make sure that the client ID and client secret are valid and that the package is installed and enabled."
            )
        }
        var scopes = app.scopes
        if let asked = try body.nonEmptyString("scope") {
            // Names this emulator does not model (saved_content_read, …) are not granted, nor refused.
            let requested = Set(asked.split(separator: " ").compactMap { Scope(rawValue: String($0)) })
            let outside = requested.subtracting(app.scopes)
            guard outside.isEmpty else {
                throw oauthError(
                    .badRequest, "invalid_scope",
                    "The package does not grant: \(outside.sorted().map(\.rawValue).joined(separator: " ")).")
            }
            // Only `offline`, or only unmodelled names: the package's own scopes.
            if !requested.isEmpty { scopes = requested }
        }
        let (token, _) = emulator.tokens.issue(to: app, scopes: scopes, lifetime: TimeInterval(emulator.tokenLifetime))
        let lifetime = emulator.tokenLifetime
        try workspace.recordTokenIssued(to: app, through: "/v2/token", scopes: scopes, lifetime: lifetime)
        let base = emulator.baseURL(for: request) + "/"
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "access_token": .string(token), "token_type": .string("Bearer"), "expires_in": .number(lifetime),
                "scope": .string(scopes.sorted().map(\.rawValue).joined(separator: " ")),
                "soap_instance_url": .string(base), "rest_instance_url": .string(base),
            ]))
    }

    private func oauthError(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> APIError {
        APIError(
            status: status,
            body: .object([
                "error": .string(error), "error_description": .string(description),
                "error_uri": .string("https://developer.salesforce.com/docs"),
            ]))
    }
}

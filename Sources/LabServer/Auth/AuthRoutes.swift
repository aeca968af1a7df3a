import Foundation
import HTTPTypes
import LabModel

/// `POST /v1/requestToken` (legacy) and `POST /v2/token` (OAuth 2.0 client credentials).
struct AuthRoutes {
    let emulator: Emulator

    var routes: [Route] {
        [
            Route(.post, "/v1/requestToken", operation: nil) { try await requestToken($0) },
            Route(.post, "/v2/token", operation: nil) { try await token($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    /// `clientId` + `clientSecret` (or a `refreshToken`) → `accessToken`, `expiresIn`, `legacyToken`.
    func requestToken(_ request: EmulatorRequest) async throws -> EmulatorResponse {
        let body = try request.json()
        let unauthorized = APIError.envelope(.unauthorized, "Unauthorized", code: 1)
        let app: InstalledApp
        if let refresh = body["refreshToken"]?.nonEmptyText {
            guard let appID = emulator.tokens.redeemRefreshToken(refresh),
                let found = try workspace.apps().first(where: { $0.id == appID })
            else { throw unauthorized }
            app = found
        } else {
            guard let clientID = body["clientId"]?.nonEmptyText, let secret = body["clientSecret"]?.nonEmptyText,
                let found = try workspace.app(clientID: clientID), found.clientSecret == secret
            else { throw unauthorized }
            app = found
        }
        let (token, _) = emulator.tokens.issue(to: app, scopes: app.scopes)
        let lifetime = emulator.legacyLifetime
        var fields: [String: JSONValue] = [
            "accessToken": .string(token), "expiresIn": .number(lifetime), "legacyToken": .string(token),
        ]
        if body["accessType"]?.text?.lowercased() == "offline" {
            fields["refreshToken"] = .string(emulator.tokens.issueRefreshToken(for: app))
        }
        try workspace.recordTokenIssued(to: app, through: "/v1/requestToken", scopes: app.scopes, lifetime: lifetime)
        return EmulatorResponse(status: .ok, body: .object(fields))
    }

    /// `grant_type=client_credentials`, `client_id`, `client_secret`, optional `scope` (a subset
    /// of the app's) and `account_id`; JSON or form-encoded.
    func token(_ request: EmulatorRequest) async throws -> EmulatorResponse {
        let body = try request.jsonOrForm()
        guard body["grant_type"]?.text == "client_credentials" else {
            throw oauthError(.badRequest, "unsupported_grant_type", "Only grant_type client_credentials is supported here.")
        }
        guard let clientID = body["client_id"]?.nonEmptyText, let secret = body["client_secret"]?.nonEmptyText,
            let app = try workspace.app(clientID: clientID), app.clientSecret == secret
        else {
            throw oauthError(
                .unauthorized, "invalid_client",
                "Client authentication failed. Make sure that the client ID and client secret are valid and that the package is installed and enabled."
            )
        }
        var scopes = app.scopes
        if let asked = body["scope"]?.nonEmptyText {
            let names = asked.split(separator: " ").map(String.init).filter { $0 != "offline" }
            let requested = names.compactMap(Scope.init(rawValue:))
            guard requested.count == names.count, Set(requested).isSubset(of: app.scopes) else {
                let outside = names.filter { Scope(rawValue: $0).map { !app.scopes.contains($0) } ?? true }
                throw oauthError(
                    .badRequest, "invalid_scope",
                    "The package does not grant: \(outside.joined(separator: " ")).")
            }
            scopes = Set(requested)
        }
        let (token, _) = emulator.tokens.issue(to: app, scopes: scopes)
        let lifetime = emulator.tokenLifetime
        try workspace.recordTokenIssued(to: app, through: "/v2/token", scopes: scopes, lifetime: lifetime)
        let base = emulator.baseURL + "/"
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

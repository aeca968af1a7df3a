import AsyncHTTPClient
import Foundation
import LabJSON
import NIOCore
import NIOHTTP1

/// Talks to Marketing Cloud's REST API — JourneyLab's emulator, the legacy Fuel hosts, or a
/// tenant — with a cached token refreshed before it expires and one retry when the server
/// says the token is no longer valid.
public final class MarketingCloudClient: Sendable {
    public let endpoints: ServiceEndpoints
    public let credentials: ClientCredentials
    public let authFlow: AuthFlow
    /// How long one request may take.
    public let timeout: TimeAmount
    private let clock: @Sendable () -> Date
    private let cache = TokenCache()

    public init(
        endpoints: ServiceEndpoints, credentials: ClientCredentials, authFlow: AuthFlow = .oauth2,
        timeout: TimeAmount = .seconds(30), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoints = endpoints
        self.credentials = credentials
        self.authFlow = authFlow
        self.timeout = timeout
        self.clock = clock
    }

    // MARK: Tokens

    /// The token in use, fetched when there is none or it is about to expire.
    public func token() async throws -> TokenGrant {
        try await cache.token(now: clock()) { [self] in try await fetchToken() }
    }

    /// A new token by the client's flow, not cached.
    public func fetchToken() async throws -> TokenGrant {
        let exchange = try await perform(tokenRequest(revealSecrets: true))
        guard exchange.isSuccess else { throw MarketingCloudError.from(status: exchange.status, body: exchange.body) }
        guard let reply = exchange.json else {
            throw MarketingCloudError.unreadable(url: exchange.url, reason: "the token reply is not JSON")
        }
        switch authFlow {
        case .oauth2:
            guard let token = reply["access_token"]?.nonEmptyText, let lifetime = reply["expires_in"]?.int else {
                throw MarketingCloudError.unreadable(url: exchange.url, reason: "no access_token and expires_in")
            }
            return TokenGrant(
                accessToken: token, expiresIn: lifetime, scope: reply["scope"]?.nonEmptyText,
                restInstanceURL: reply["rest_instance_url"]?.nonEmptyText, issuedAt: clock())
        case .legacy:
            guard let token = reply["accessToken"]?.nonEmptyText, let lifetime = reply["expiresIn"]?.int else {
                throw MarketingCloudError.unreadable(url: exchange.url, reason: "no accessToken and expiresIn")
            }
            return TokenGrant(accessToken: token, expiresIn: lifetime, scope: nil, restInstanceURL: nil, issuedAt: clock())
        }
    }

    // MARK: Requests

    /// A request with its body as sent, before the token is attached.
    public struct Request: Sendable, Hashable {
        public var method: String
        public var url: String
        public var headers: [RawExchange.Header]
        public var body: String?
    }

    /// Sends `json` to `path` and returns the answer whatever its status: token paths go to
    /// the auth host as they are, everything else to the REST host with the token.
    public func send(_ method: String, _ path: String, json: String? = nil) async throws -> RawExchange {
        if Self.isTokenPath(path) {
            return try await perform(
                Request(method: method, url: endpoints.authURL(path), headers: Self.jsonHeaders(json), body: json))
        }
        let grant = try await token()
        let first = try await perform(authorized(method, path, json: json, grant: grant))
        guard first.status == 401, first.header("WWW-Authenticate")?.contains("invalid_token") == true else { return first }
        await cache.discard(grant.accessToken)
        return try await perform(authorized(method, path, json: json, grant: try await token()))
    }

    /// `send`, then the answer's JSON, or the error Marketing Cloud gave.
    func call(_ method: String, _ path: String, json: String? = nil) async throws -> JSONValue {
        let exchange = try await send(method, path, json: json)
        guard exchange.isSuccess else { throw MarketingCloudError.from(status: exchange.status, body: exchange.body) }
        if exchange.body.isEmpty { return .null }
        guard let node = exchange.json else {
            throw MarketingCloudError.unreadable(url: exchange.url, reason: "the answer is not JSON")
        }
        return node
    }

    /// The same request as a curl command a person can paste; the token and client secret are
    /// masked unless `revealSecrets`.
    public func curl(_ method: String, _ path: String, json: String? = nil, revealSecrets: Bool = false) async throws -> String {
        let request: Request
        if Self.isTokenPath(path) {
            request = Request(method: method, url: endpoints.authURL(path), headers: Self.jsonHeaders(json), body: json)
        } else if revealSecrets {
            request = authorized(method, path, json: json, grant: try await token())
        } else {
            var placeholder = TokenGrant(
                accessToken: CurlCommand.mask, expiresIn: 0, scope: nil, restInstanceURL: nil, issuedAt: clock())
            placeholder.restInstanceURL = try? await token().restInstanceURL
            request = authorized(method, path, json: json, grant: placeholder)
        }
        return CurlCommand.render(request, revealSecrets: revealSecrets)
    }

    /// The token request, with the secret in its body.
    public func tokenRequest(revealSecrets: Bool) -> Request {
        var fields: [(String, String)] = []
        switch authFlow {
        case .oauth2:
            fields = [
                ("grant_type", "client_credentials"), ("client_id", credentials.clientID),
                ("client_secret", credentials.clientSecret),
            ]
            if let account = credentials.accountID { fields.append(("account_id", account)) }
        case .legacy:
            fields = [("clientId", credentials.clientID), ("clientSecret", credentials.clientSecret)]
        }
        if let scope = credentials.scope { fields.append(("scope", scope)) }
        // In this order, not sorted as `JSONValue.serialized` writes objects: as the docs show it.
        let body =
            "{"
            + fields.map { JSONValue.string($0.0).serialized + ":" + JSONValue.string($0.1).serialized }
            .joined(separator: ",") + "}"
        let path = authFlow == .oauth2 ? "/v2/token" : "/v1/requestToken"
        let shown = revealSecrets ? body : CurlCommand.maskingSecrets(in: body)
        return Request(method: "POST", url: endpoints.authURL(path), headers: Self.jsonHeaders(body), body: shown)
    }

    private func authorized(_ method: String, _ path: String, json: String?, grant: TokenGrant) -> Request {
        let base = grant.restInstanceURL.map { ServiceEndpoints.emulator(baseURL: $0) } ?? endpoints
        return Request(
            method: method, url: base.restURL(path),
            headers: [RawExchange.Header(name: "Authorization", value: "Bearer \(grant.accessToken)")] + Self.jsonHeaders(json),
            body: json)
    }

    /// The one place requests go out.
    private func perform(_ request: Request) async throws -> RawExchange {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(string: body)) }
        let started = ContinuousClock.now
        do {
            let response = try await HTTPClient.shared.execute(outgoing, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
            return RawExchange(
                method: request.method.uppercased(), url: request.url, status: Int(response.status.code),
                headers: response.headers.map { RawExchange.Header(name: $0.name, value: $0.value) },
                body: String(buffer: bytes), duration: ContinuousClock.now - started)
        } catch let error as HTTPClientError {
            throw MarketingCloudError.unreachable(url: request.url, reason: String(describing: error))
        } catch let error as IOError {
            throw MarketingCloudError.unreachable(url: request.url, reason: error.description)
        } catch let error as ChannelError {
            throw MarketingCloudError.unreachable(url: request.url, reason: String(describing: error))
        }
    }

    static func isTokenPath(_ path: String) -> Bool {
        let bare = "/" + path.drop { $0 == "/" }.prefix { $0 != "?" }
        return bare.caseInsensitiveCompare("/v2/token") == .orderedSame
            || bare.caseInsensitiveCompare("/v1/requestToken") == .orderedSame
    }

    private static func jsonHeaders(_ body: String?) -> [RawExchange.Header] {
        body == nil ? [] : [RawExchange.Header(name: "Content-Type", value: "application/json")]
    }
}

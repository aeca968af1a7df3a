/// The base URLs a Marketing Cloud client talks to: the auth host that issues tokens and the
/// REST host that serves everything else.
public struct ServiceEndpoints: Sendable, Hashable {
    public var authBaseURL: String
    public var restBaseURL: String

    public init(authBaseURL: String, restBaseURL: String) {
        self.authBaseURL = Self.trimmed(authBaseURL)
        self.restBaseURL = Self.trimmed(restBaseURL)
    }

    /// JourneyLab's local emulator serves both token and REST routes from one base URL.
    public static func emulator(baseURL: String) -> ServiceEndpoints {
        ServiceEndpoints(authBaseURL: baseURL, restBaseURL: baseURL)
    }

    /// The legacy Fuel hosts the tutorial's requests name.
    public static let legacyFuel = ServiceEndpoints(
        authBaseURL: "https://auth.exacttargetapis.com", restBaseURL: "https://www.exacttargetapis.com")

    /// Where a tenant's tokens come from; `{subdomain}` is replaced. Tests point it at an emulator.
    public static let tenantAuthTemplate = "https://{subdomain}.auth.marketingcloudapis.com"

    /// A tenant's hosts, from its subdomain. The REST base a token reply names
    /// (`rest_instance_url`) takes precedence once a token is issued.
    public static func tenant(subdomain: String, authTemplate: String = tenantAuthTemplate) -> ServiceEndpoints {
        ServiceEndpoints(
            authBaseURL: authTemplate.replacingOccurrences(of: "{subdomain}", with: subdomain),
            restBaseURL: "https://\(subdomain).rest.marketingcloudapis.com")
    }

    /// `path` on the REST host, with exactly one slash between them.
    public func restURL(_ path: String) -> String { restBaseURL + "/" + path.drop { $0 == "/" } }

    /// `path` on the auth host, with exactly one slash between them.
    public func authURL(_ path: String) -> String { authBaseURL + "/" + path.drop { $0 == "/" } }

    private static func trimmed(_ url: String) -> String {
        var url = Substring(url)
        while url.hasSuffix("/") { url = url.dropLast() }
        return String(url)
    }
}

/// An installed package's API credentials, and how to trade them for a token.
public struct ClientCredentials: Sendable, Hashable {
    public var clientID: String
    public var clientSecret: String
    /// The business unit (MID) to act in; nil: the package's own.
    public var accountID: String?
    /// Space-separated scopes to ask for; nil: every permission of the package.
    public var scope: String?

    public init(clientID: String, clientSecret: String, accountID: String? = nil, scope: String? = nil) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.accountID = accountID
        self.scope = scope
    }
}

/// The token call a client makes.
public enum AuthFlow: String, Sendable, Hashable {
    /// `POST /v2/token` (client credentials): what packages use today.
    case oauth2
    /// `POST /v1/requestToken`: the legacy Fuel hosts the tutorial names.
    case legacy
}

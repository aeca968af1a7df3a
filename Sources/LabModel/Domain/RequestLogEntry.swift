import Foundation

/// One HTTP request the emulator answered, as screens and lesson checks see it. Every part a
/// credential can travel in — the query string, the headers, the bodies — is stored masked
/// (`SecretMasking`): the query and headers by this type, the bodies by whoever logs them,
/// after reading them as their format says (the emulator parses JSON and forms).
public struct RequestLogEntry: Sendable, Hashable {
    public var id: Int64?
    public var time: Date
    /// Empty, with the path, for a request whose head could not be read (answered 400).
    public var method: String
    /// The path as sent, without the query string.
    public var path: String
    /// The query string as sent (without `?`), its credential values masked; empty when none.
    public var query: String
    /// The request's headers in the order sent, credentials masked (`Authorization: Bearer ••••`).
    public var headers: [LoggedHeader]
    /// Who sent it: the remote address and port (`127.0.0.1:53412`); empty when unknown.
    public var client: String
    public var status: Int
    public var durationMilliseconds: Double
    /// With secrets masked.
    public var requestBody: String
    public var responseBody: String
    public var appID: UUID?

    public init(
        time: Date, method: String, path: String, query: String = "", headers: [LoggedHeader] = [], client: String = "",
        status: Int, durationMilliseconds: Double, requestBody: String, responseBody: String, appID: UUID?
    ) {
        self.time = time
        self.method = method
        self.path = path
        self.query = SecretMasking.maskForm(query)
        self.headers = headers.map { LoggedHeader(name: $0.name, value: SecretMasking.maskHeader(named: $0.name, $0.value)) }
        self.client = client
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.requestBody = requestBody
        self.responseBody = responseBody
        self.appID = appID
    }

    /// The path and, when there is one, `?` and the masked query: what a log line shows.
    public var target: String { query.isEmpty ? path : "\(path)?\(query)" }
}

/// One request header as logged.
public struct LoggedHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `Name: value` lines, as the request log stores the headers (HTTP forbids line breaks in both).
    static func storageText(_ headers: [LoggedHeader]) -> String {
        headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    static func headers(fromStorage text: String) -> [LoggedHeader] {
        text.split(separator: "\n").map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            return LoggedHeader(
                name: String(parts[0]), value: parts.count > 1 ? String(parts[1].drop { $0 == " " }) : "")
        }
    }
}

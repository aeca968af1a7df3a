import Foundation
import LabJSON

/// One request and its answer, as the API console shows them.
public struct RawExchange: Sendable, Hashable {
    public var method: String
    public var url: String
    public var status: Int
    /// In the order received; names as sent.
    public var headers: [Header]
    public var body: String
    public var duration: Duration

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The first header with this name, in any case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body read as JSON; nil when empty or not JSON.
    public var json: JSONValue? { try? JSONValue(parsing: Data(body.utf8)) }
}

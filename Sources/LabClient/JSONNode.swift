import Foundation

/// A JSON answer read loosely: keys found in any case, numbers and booleans readable as text,
/// since Marketing Cloud mixes `errorcode: 400` and `errorCode: "121008"`.
public enum JSONNode: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let whole = try? container.decode(Int64.self) {
            self = .number(String(whole))
        } else if let number = try? container.decode(Double.self) {
            self = .number(String(number))
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONNode].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONNode].self))
        }
    }

    public subscript(key: String) -> JSONNode? {
        guard case .object(let fields) = self else { return nil }
        return fields[key] ?? fields.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value
    }

    public var array: [JSONNode]? { if case .array(let items) = self { items } else { nil } }
    public var object: [String: JSONNode]? { if case .object(let fields) = self { fields } else { nil } }

    /// Strings, numbers and booleans (`True`/`False`, as rows show them) as text; nil otherwise.
    public var text: String? {
        switch self {
        case .null: nil
        case .bool(let flag): flag ? "True" : "False"
        case .number(let text), .string(let text): text
        case .array, .object: nil
        }
    }

    public var int: Int? { text.flatMap { Int($0) } }
}

/// A parsed answer.
struct JSONDocument {
    let root: JSONNode

    init(parsing text: String) throws {
        root = try JSONDecoder().decode(JSONNode.self, from: Data(text.utf8))
    }
}

extension JSONNode {
    /// Compact JSON text, keys sorted (stable request bodies and curl commands).
    public var serialized: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): MarketingCloudClient.quoted(text)
        case .array(let items): "[" + items.map(\.serialized).joined(separator: ",") + "]"
        case .object(let fields):
            "{"
                + fields.sorted { $0.key < $1.key }.map { MarketingCloudClient.quoted($0.key) + ":" + $0.value.serialized }
                .joined(separator: ",") + "}"
        }
    }

    /// Text values as JSON strings.
    static func strings(_ fields: [String: String]) -> JSONNode { .object(fields.mapValues { .string($0) }) }
}

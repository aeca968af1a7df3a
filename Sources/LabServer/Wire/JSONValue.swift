import Foundation

/// JSON as the emulator reads and writes it. Object keys are looked up case-insensitively, as
/// Marketing Cloud's ASP.NET backend does; numbers keep their text, so `5` stays `"5"`.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    /// Parses a request body. - Throws: `APIError.malformed`.
    init(parsing data: Data) throws(APIError) {
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw APIError.malformed
        }
    }

    /// The member with this name, matched case-insensitively.
    subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        if let exact = fields[key] { return exact }
        return fields.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value
    }

    var object: [String: JSONValue]? { if case .object(let fields) = self { fields } else { nil } }
    var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }

    /// Scalars as the text a field would be given: `True`/`False` for booleans, numbers as
    /// written, null as empty; nil for arrays and objects.
    var text: String? {
        switch self {
        case .null: ""
        case .bool(let flag): flag ? "True" : "False"
        case .number(let text), .string(let text): text
        case .array, .object: nil
        }
    }

    /// A non-empty scalar's text.
    var nonEmptyText: String? { text.flatMap { $0.isEmpty ? nil : $0 } }

    /// Compact JSON text with sorted keys, so bodies are stable for tests and logs.
    var serialized: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): Self.quote(text)
        case .array(let items): "[" + items.map(\.serialized).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\(Self.quote($0.key)):\($0.value.serialized)" }.joined(separator: ",")
                + "}"
        }
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension JSONValue: Decodable {
    init(from decoder: any Decoder) throws {
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
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

import Foundation

/// JSON as JourneyLab reads and writes it, in the emulator and in the client. Object keys are
/// looked up case-insensitively, as Marketing Cloud's backend does; whole numbers keep their
/// text, so `5` stays `"5"` and a 20-digit key is not rounded through a Double (`JSONParser`
/// says how other numbers read).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    /// Reads JSON text (RFC 8259: UTF-8, 16 or 32, a byte-order mark allowed).
    public init(parsing data: Data) throws(MalformedJSON) {
        self = try JSONParser.parse(Array(data))
    }

    /// The member with this name, matched case-insensitively when no member has it exactly.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        if let exact = fields[key] { return exact }
        return fields.first { Self.equalIgnoringCase($0.key, key) }?.value
    }

    public var object: [String: JSONValue]? { if case .object(let fields) = self { fields } else { nil } }
    public var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }

    /// Scalars as the text a field would be given: `True`/`False` for booleans, numbers as
    /// written, null as empty; nil for arrays and objects.
    public var text: String? {
        switch self {
        case .null: ""
        case .bool(let flag): flag ? "True" : "False"
        case .number(let text), .string(let text): text
        case .array, .object: nil
        }
    }

    /// A non-empty scalar's text: nil for null and `""` too, for values that mean nothing empty.
    public var nonEmptyText: String? { text.flatMap { $0.isEmpty ? nil : $0 } }

    /// A whole number, written as a number or as a string (`errorcode: 400`, `errorCode: "121008"`).
    public var int: Int? { text.flatMap { Int($0) } }

    /// As `caseInsensitiveCompare` decides; ASCII (nearly every name and key) byte by byte.
    private static func equalIgnoringCase(_ left: String, _ right: String) -> Bool {
        var rightBytes = right.utf8.makeIterator()
        for byte in left.utf8 {
            guard let other = rightBytes.next() else { return false }
            guard byte < 0x80 && other < 0x80 else { return left.caseInsensitiveCompare(right) == .orderedSame }
            guard byte.foldedASCII == other.foldedASCII else { return false }
        }
        return rightBytes.next() == nil
    }
}

/// Text that is not JSON.
public struct MalformedJSON: Error, Sendable, Hashable {}

extension UInt8 {
    fileprivate var foldedASCII: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self }
}

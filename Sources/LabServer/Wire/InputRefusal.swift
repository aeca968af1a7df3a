import LabJSON

/// A request refused for what it is made of, before any route reads its meaning: text holding a
/// NUL character, or a body member of the wrong JSON type. Each family words it in its dialect
/// (`Emulator.handle`); refusals found before a route is matched (the path, the query) are
/// worded in the standard one.
enum InputRefusal: ModelRefusal, Hashable {
    /// `\u0000` (or `%00`) in `place`: SQLite binds text up to its first NUL, so everything after
    /// it would be lost and two different keys would become one.
    case nulCharacter(place: String)
    /// `field` is not of the JSON type the route reads it as: `"triggers": {…}` for a list.
    case wrongType(field: String, expected: ExpectedJSON, sent: JSONValue)

    var refusalKind: RefusalKind { .invalidData }

    var refusedField: String? {
        switch self {
        case .nulCharacter: nil
        case .wrongType(let field, _, _): field
        }
    }

    var description: String {
        switch self {
        case .nulCharacter(let place):
            "\(place) contains a NUL character (\\u0000 or %00), which cannot be stored: remove it."
        case .wrongType(let field, let expected, let sent):
            "\(field) must be \(expected.phrase), not \(Self.phrase(for: sent))."
        }
    }

    /// What was sent, in words: `the number 12345`, `an object`.
    private static func phrase(for value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): "the number \(text)"
        case .string(let text): text.count <= 40 ? "the string \"\(text)\"" : "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// The JSON type a member is read as.
enum ExpectedJSON: Sendable, Hashable {
    case string
    /// A string, a number or a boolean: a field value, a count written either way.
    case scalar
    case boolean
    case list
    case listOfStrings
    case object

    var phrase: String {
        switch self {
        case .string: "a string"
        case .scalar: "a string, a number or a boolean"
        case .boolean: "true or false"
        case .list: "a list"
        case .listOfStrings: "a list of strings"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// Where the first text holding a NUL character is — a member name or a string, at any
    /// depth — as a path (`items[0].keys.Email`), `the body` for a bare string; nil when none does.
    var placeOfNUL: String? {
        Self.placeOfNUL(in: self, at: "")
    }

    private static func placeOfNUL(in value: JSONValue, at path: String) -> String? {
        switch value {
        case .null, .bool, .number: return nil
        case .string(let text): return text.utf8.contains(0) ? (path.isEmpty ? "The body" : path) : nil
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let found = placeOfNUL(in: item, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case .object(let members):
            for (name, member) in members {
                let memberPath = path.isEmpty ? name : "\(path).\(name)"
                if name.utf8.contains(0) {
                    return "A member name in \(path.isEmpty ? "the body" : path)"
                }
                if let found = placeOfNUL(in: member, at: memberPath) { return found }
            }
            return nil
        }
    }
}

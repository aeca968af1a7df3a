import LabJSON

/// A body's members read as the JSON type a route expects, as Marketing Cloud's validation
/// does: a member of another type is refused with its name and the type expected
/// (`InputRefusal.wrongType`), never read as if it were absent. Absent and null both read as
/// nil. `path` names where the value sits (`activities[2]`), for the message.
extension JSONValue {
    /// A string member.
    func stringMember(_ name: String, at path: String = "") throws(InputRefusal) -> String? {
        switch self[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw .wrongType(field: Self.field(name, at: path), expected: .string, sent: other)
        }
    }

    /// A string member that means nothing when empty (a name, a key).
    func nonEmptyString(_ name: String, at path: String = "") throws(InputRefusal) -> String? {
        try stringMember(name, at: path).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A scalar member's text (`JSONValue.text`): a field value, or a number clients send
    /// either as a number or as a string (`"maxLength": "100"`).
    func scalar(_ name: String, at path: String = "") throws(InputRefusal) -> String? {
        switch self[name] {
        case nil, .null?: return nil
        case .array(_)?, .object(_)?:
            throw .wrongType(field: Self.field(name, at: path), expected: .scalar, sent: self[name]!)
        case let value?: return value.text
        }
    }

    /// A non-empty scalar's text.
    func nonEmptyScalar(_ name: String, at path: String = "") throws(InputRefusal) -> String? {
        try scalar(name, at: path).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A boolean member: `true` or `false`, also written as a string (`"True"`), as Segment does.
    func flag(_ name: String, at path: String = "") throws(InputRefusal) -> Bool? {
        switch self[name] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case .string(let text)? where text.lowercased() == "true" || text.lowercased() == "false":
            return text.lowercased() == "true"
        case let other?: throw .wrongType(field: Self.field(name, at: path), expected: .boolean, sent: other)
        }
    }

    /// A list member.
    func list(_ name: String, at path: String = "") throws(InputRefusal) -> [JSONValue]? {
        switch self[name] {
        case nil, .null?: return nil
        case .array(let items)?: return items
        case let other?: throw .wrongType(field: Self.field(name, at: path), expected: .list, sent: other)
        }
    }

    /// A list of strings (`ContactKeyList`).
    func strings(_ name: String, at path: String = "") throws(InputRefusal) -> [String]? {
        guard let items = try list(name, at: path) else { return nil }
        return try items.enumerated().map { index, item throws(InputRefusal) in
            guard case .string(let text) = item else {
                throw .wrongType(field: "\(Self.field(name, at: path))[\(index)]", expected: .string, sent: item)
            }
            return text
        }
    }

    /// An object member, as its value (members still looked up case-insensitively).
    func objectMember(_ name: String, at path: String = "") throws(InputRefusal) -> JSONValue? {
        switch self[name] {
        case nil, .null?: return nil
        case .object(_)?: return self[name]
        case let other?: throw .wrongType(field: Self.field(name, at: path), expected: .object, sent: other)
        }
    }

    /// This value as an element of a list that holds objects (`activities[2]`).
    func asObject(at path: String) throws(InputRefusal) -> JSONValue {
        guard case .object = self else { throw .wrongType(field: path, expected: .object, sent: self) }
        return self
    }

    /// `path.name`, or `name` at the top.
    static func field(_ name: String, at path: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}

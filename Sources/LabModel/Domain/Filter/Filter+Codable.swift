/// How a filter is stored (a trigger's filter in the workspace): `{"all": [...]}`,
/// `{"any": [...]}`, `{"field": "Updated", "operator": "equals", "value": "False"}`,
/// `{"field": "LastName", "operator": "isNull"}`. Stored filters are read back with this shape:
/// change it only with a migration that rewrites them.
extension Filter: Codable {
    private enum Key: String, CodingKey {
        case all, any, field, `operator`, value
    }

    private static let isNullName = "isNull"
    private static let isNotNullName = "isNotNull"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let parts = try container.decodeIfPresent([Filter].self, forKey: .all) {
            self = .all(parts)
        } else if let parts = try container.decodeIfPresent([Filter].self, forKey: .any) {
            self = .any(parts)
        } else {
            let field = try container.decode(String.self, forKey: .field)
            let name = try container.decode(String.self, forKey: .operator)
            switch name {
            case Self.isNullName: self = .isNull(field: field)
            case Self.isNotNullName: self = .isNotNull(field: field)
            default:
                guard let comparison = FilterComparison(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .operator, in: container, debugDescription: "\"\(name)\" is not a filter operator")
                }
                self = .compare(field: field, comparison, value: try container.decode(String.self, forKey: .value))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .all(let parts): try container.encode(parts, forKey: .all)
        case .any(let parts): try container.encode(parts, forKey: .any)
        case .isNull(let field):
            try container.encode(field, forKey: .field)
            try container.encode(Self.isNullName, forKey: .operator)
        case .isNotNull(let field):
            try container.encode(field, forKey: .field)
            try container.encode(Self.isNotNullName, forKey: .operator)
        case .compare(let field, let comparison, let value):
            try container.encode(field, forKey: .field)
            try container.encode(comparison.rawValue, forKey: .operator)
            try container.encode(value, forKey: .value)
        }
    }
}

/// A trigger's contact filter criteria: conditions on attributes, grouped with AND/OR.
/// Its text form is what Journey Builder shows: `Updated is False`,
/// `(Updated is False AND MemberID greater 3)`.
public indirect enum FilterExpression: Sendable, Hashable, Codable {
    case condition(FilterCondition)
    case group(FilterJoin, [FilterExpression])

    /// Every attribute the expression reads, in order.
    public var attributes: [String] {
        switch self {
        case .condition(let condition): [condition.attribute]
        case .group(_, let parts): parts.flatMap(\.attributes)
        }
    }

    public var conditions: [FilterCondition] {
        switch self {
        case .condition(let condition): [condition]
        case .group(_, let parts): parts.flatMap(\.conditions)
        }
    }
}

public enum FilterJoin: String, Sendable, Hashable, Codable {
    case and = "AND"
    case or = "OR"
}

/// `attribute operator value`; `isNull` and `isNotNull` take no value.
public struct FilterCondition: Sendable, Hashable, Codable {
    /// `Field` of the event source, or `AttributeSet.Field` (an attribute-group data extension).
    public var attribute: String
    public var `operator`: FilterOperator
    public var value: String?

    public init(_ attribute: String, _ op: FilterOperator, _ value: String? = nil) {
        self.attribute = attribute
        self.operator = op
        self.value = op.takesValue ? value : nil
    }
}

public enum FilterOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case `is` = "is"
    case isNot = "is not"
    case equals = "equals"
    case notEquals = "not equals"
    case contains = "contains"
    case isNull = "is null"
    case isNotNull = "is not null"
    case greater = "greater"
    case less = "less"

    public var takesValue: Bool { self != .isNull && self != .isNotNull }
}

extension FilterExpression: CustomStringConvertible {
    public var description: String { text(nested: false) }

    private func text(nested: Bool) -> String {
        switch self {
        case .condition(let c):
            return [c.attribute, c.operator.rawValue, c.value].compactMap { $0 }.joined(separator: " ")
        case .group(let join, let parts):
            let inner = parts.map { $0.text(nested: true) }.joined(separator: " \(join.rawValue) ")
            return nested && parts.count > 1 ? "(\(inner))" : inner
        }
    }
}

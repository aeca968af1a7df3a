/// A condition on a data extension's rows or a contact's attributes: the one syntax tree that
/// each written form reads into and prints back from — the REST API's `$filter`
/// (`RESTFilterSyntax`), Journey Builder's criteria text (`CriteriaTextSyntax`) and the
/// FilterDefinition XML a trigger stores (`FilterDefinitionXML`). The workspace compiles it
/// to SQL in one place.
///
/// A field is named as written: `Updated`, or `Set.Field` for an attribute of a data extension
/// linked in an attribute group. A value is text, checked against the field's type when the
/// filter is compiled.
public indirect enum Filter: Sendable, Hashable {
    case compare(field: String, FilterComparison, value: String)
    case isNull(field: String)
    case isNotNull(field: String)
    /// Every part holds; no parts hold nothing back.
    case all([Filter])
    /// Some part holds.
    case any([Filter])

    /// Every field the filter reads, in order.
    public var fields: [String] {
        switch self {
        case .compare(let field, _, _), .isNull(let field), .isNotNull(let field): [field]
        case .all(let parts), .any(let parts): parts.flatMap(\.fields)
        }
    }

    /// The same filter with each boolean value spelled one way (`False`, `false` → `False`):
    /// two filters that differ only there select the same rows.
    public var normalized: Filter {
        switch self {
        case .compare(let field, let comparison, let value):
            .compare(field: field, comparison, value: FilterBoolean(value)?.text ?? value)
        case .isNull, .isNotNull: self
        case .all(let parts): .all(parts.map(\.normalized))
        case .any(let parts): .any(parts.map(\.normalized))
        }
    }
}

public enum FilterComparison: String, Sendable, Hashable, CaseIterable, Codable {
    case equals
    case notEquals
    case greater
    case greaterOrEqual
    case less
    case lessOrEqual
    /// Text contains the value, in any case.
    case contains
    /// Text matches a pattern: `%` any run of characters, `_` one (Marketing Cloud's `like`).
    case like

    /// Applies to text only.
    public var readsText: Bool { self == .contains || self == .like }
}

/// `True` or `False` written in any case, as the syntaxes spell booleans (Journey Builder's
/// `is`, the XML's `Is` with `false`).
struct FilterBoolean {
    let value: Bool

    init?(_ text: String) {
        switch text.lowercased() {
        case "true": value = true
        case "false": value = false
        default: return nil
        }
    }

    var text: String { value ? "True" : "False" }
}

extension Filter: CustomStringConvertible {
    /// The criteria text a person reads: `Updated is False`.
    public var description: String { CriteriaTextSyntax.text(of: self) }
}

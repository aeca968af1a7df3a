/// What a filter asks of a field that the field cannot answer. Checked in one place for every
/// filter — a Records view's, a `$filter`'s, a trigger's — and told by each caller in its own
/// error (`RecordError`, `ContactModelError`).
enum FilterRefusal: Error, Sendable, Hashable {
    case unknownField(String)
    case wrongValue(field: String, value: String, problem: ValueProblem)
    case operatorNotApplicable(field: String, FilterComparison, type: String)
}

extension Filter {
    /// The value `comparison` tests `field` against, read by the field's type; `.null` for an
    /// empty value. `contains` and `like` read text only, and their value is a pattern's text.
    static func comparedValue(_ comparison: FilterComparison, _ text: String, of field: Field, named name: String)
        throws(FilterRefusal) -> FieldValue
    {
        if comparison.readsText {
            guard field.type.hasLength else {
                throw .operatorNotApplicable(field: name, comparison, type: field.type.description)
            }
            return .text(text)
        }
        do {
            return try field.conditionValue(from: text)
        } catch {
            throw .wrongValue(field: name, value: text, problem: error)
        }
    }

    /// Every condition checked against the fields `resolve` finds, as the compiler would check it.
    func check(resolvingWith resolve: (String) -> Field?) throws(FilterRefusal) {
        switch self {
        case .compare(let name, let comparison, let value):
            guard let field = resolve(name) else { throw .unknownField(name) }
            _ = try Self.comparedValue(comparison, value, of: field, named: name)
        case .isNull(let name), .isNotNull(let name):
            guard resolve(name) != nil else { throw .unknownField(name) }
        case .all(let parts), .any(let parts):
            for part in parts { try part.check(resolvingWith: resolve) }
        }
    }
}

import Foundation

/// Checks a trigger filter against what it can read: fields of the event source (`Updated`)
/// or of a data extension linked in an attribute group (`Members.Updated`).
struct FilterRules {
    let source: DataExtension
    let linked: [DataExtension]

    func check(_ filter: FilterExpression) throws(ContactModelError) {
        for condition in filter.conditions {
            let field = try resolve(condition.attribute)
            guard condition.operator.takesValue else { continue }
            guard let value = condition.value else { throw .filterValueMissing(attribute: condition.attribute) }
            do {
                _ = try field.conditionValue(from: value)
            } catch {
                throw .filterValueWrongType(attribute: condition.attribute, value: value, problem: error)
            }
        }
    }

    /// The field an attribute names.
    func resolve(_ attribute: String) throws(ContactModelError) -> Field {
        try resolveWithSource(attribute).field
    }

    /// The field an attribute names and the data extension it belongs to.
    func resolveWithSource(_ attribute: String) throws(ContactModelError) -> (dataExtensionID: UUID, field: Field) {
        if let field = source.field(named: attribute) { return (source.id, field) }
        if let dot = attribute.firstIndex(of: ".") {
            let setName = attribute[..<dot]
            let fieldName = String(attribute[attribute.index(after: dot)...])
            let candidates = [source] + linked
            if let de = candidates.first(where: { $0.name.caseInsensitiveCompare(setName) == .orderedSame }),
                let field = de.field(named: fieldName)
            {
                return (de.id, field)
            }
        }
        throw .unknownAttribute(attribute)
    }
}

import Foundation

/// Checks a trigger filter against what it can read: fields of the event source (`Updated`)
/// or of a data extension linked in an attribute group (`Members.Updated`).
struct FilterRules {
    let source: DataExtension
    let linked: [DataExtension]

    func check(_ filter: Filter) throws(ContactModelError) {
        do {
            try filter.check { resolveWithSource($0)?.field }
        } catch {
            throw Self.error(for: error)
        }
    }

    /// A refusal as a trigger's filter tells it.
    static func error(for refusal: FilterRefusal) -> ContactModelError {
        switch refusal {
        case .unknownField(let name): .unknownAttribute(name)
        case .wrongValue(let name, let value, let problem): .filterValueWrongType(attribute: name, value: value, problem: problem)
        case .operatorNotApplicable(let name, let comparison, let type):
            .filterOperatorNotApplicable(attribute: name, operator: comparison.rawValue, type: type)
        }
    }

    /// The field an attribute names and the data extension it belongs to; nil when it names none.
    func resolveWithSource(_ attribute: String) -> (dataExtensionID: UUID, field: Field)? {
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
        return nil
    }
}

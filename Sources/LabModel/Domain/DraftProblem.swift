/// One reason a data extension draft would be refused, and what it is about — so a form can
/// put the message beside the thing to fix while the person is still typing.
public struct DraftProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Place: Sendable, Hashable {
        case name
        case externalKey
        /// The field at this position in the draft.
        case field(Int)
        /// The fields as a whole (there are none).
        case fields
    }

    public let place: Place
    public let error: DefinitionError

    public var description: String { error.description }
}

extension DataExtensionDraft {
    /// Everything `Workspace.createDataExtension` would refuse in this draft, found without a
    /// workspace: `existing` stands in for the names and keys already taken (compared, like the
    /// database does, ignoring case). Empty means the draft can be created.
    public func problems(among existing: [DataExtension]) -> [DraftProblem] {
        var problems: [DraftProblem] = []
        /// A name or key: well formed, and not one another data extension has.
        func check(
            _ text: String, of what: String, at place: DraftProblem.Place, taken: [String],
            duplicate: (String) -> DefinitionError
        ) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            do throws(DefinitionError) {
                try DefinitionRules.checkName(text, of: what)
                if taken.contains(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) { throw duplicate(trimmed) }
            } catch {
                problems.append(DraftProblem(place: place, error: error))
            }
        }
        check(
            name, of: "data extension", at: .name, taken: existing.map(\.name),
            duplicate: DefinitionError.duplicateDataExtensionName)
        if let key = externalKey, !key.trimmingCharacters(in: .whitespaces).isEmpty {
            check(
                key, of: "external key", at: .externalKey, taken: existing.map(\.externalKey),
                duplicate: DefinitionError.duplicateExternalKey)
        }
        if fields.isEmpty { problems.append(DraftProblem(place: .fields, error: .noFields)) }
        problems += DefinitionRules.fieldProblems(fields).map { DraftProblem(place: .field($0.index), error: $0.error) }
        if let sendableFieldName {
            do throws(DefinitionError) {
                guard let field = fields.first(where: { $0.isNamed(sendableFieldName) }) else {
                    throw DefinitionError.sendableFieldNotFound(sendableFieldName)
                }
                try DefinitionRules.checkSendable(field)
            } catch {
                problems.append(DraftProblem(place: .fields, error: error))
            }
        }
        return problems
    }
}

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
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        do throws(DefinitionError) {
            try DefinitionRules.checkName(name, of: "data extension")
            if existing.contains(where: { $0.name.caseInsensitiveCompare(trimmedName) == .orderedSame }) {
                throw DefinitionError.duplicateDataExtensionName(trimmedName)
            }
        } catch {
            problems.append(DraftProblem(place: .name, error: error))
        }
        let key = externalKey?.trimmingCharacters(in: .whitespaces) ?? ""
        if !key.isEmpty {
            do throws(DefinitionError) {
                try DefinitionRules.checkName(key, of: "external key")
                if existing.contains(where: { $0.externalKey.caseInsensitiveCompare(key) == .orderedSame }) {
                    throw DefinitionError.duplicateExternalKey(key)
                }
            } catch {
                problems.append(DraftProblem(place: .externalKey, error: error))
            }
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

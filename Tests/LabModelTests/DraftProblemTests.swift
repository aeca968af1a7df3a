import Foundation
import Testing

@testable import LabModel

/// A draft's problems, found before anything is written, say exactly what creating it would
/// refuse — and where, so the wizard can put each message beside its cell.
@Suite struct DraftProblemTests {
    @Test func eachProblemNamesItsPlace() throws {
        let temp = try TemporaryWorkspace()
        let members = try temp.members(filled: false)
        let draft = DataExtensionDraft(
            name: " MEMBERS ", externalKey: members.externalKey.lowercased(),
            fields: [
                Field(name: "Email", type: .emailAddress, isPrimaryKey: true),
                Field(name: "email", type: .text),
                Field(name: "Age", type: .number, length: 3),
                Field(name: "Flag", type: .boolean, defaultValue: "maybe"),
                Field(name: "", type: .text),
            ], sendableFieldName: "Age")
        let problems = draft.problems(among: try temp.workspace.dataExtensions())
        #expect(
            problems.map(\.place) == [.name, .externalKey, .field(1), .field(2), .field(3), .field(4), .fields])
        #expect(problems[0].error == .duplicateDataExtensionName("MEMBERS"))
        #expect(problems[2].error == .duplicateFieldName("email"))
        #expect(problems[3].error == .lengthNotAllowed(field: "Age", type: "Number"))
        #expect(problems[5].error == .emptyName(what: "field"))
        #expect(problems[6].error == .sendableFieldWrongType(field: "Age", type: "Number"))
        #expect(problems[3].description == "Field Age: a Number field has no length.")
    }

    /// Whatever the draft, an empty list of problems and a successful create go together.
    @Test func problemsAgreeWithWhatCreatingRefuses() throws {
        let temp = try TemporaryWorkspace()
        _ = try temp.members(filled: false)
        let drafts: [DataExtensionDraft] = [
            DataExtensionDraft(name: "Fine", fields: [Field(name: "A", type: .text)]),
            DataExtensionDraft(name: "members", fields: [Field(name: "A", type: .text)]),
            DataExtensionDraft(name: "NoFields", fields: []),
            DataExtensionDraft(name: "Long", fields: [Field(name: "A", type: .text, length: 4001)]),
            DataExtensionDraft(name: "Scale", fields: [Field(name: "P", type: .decimal(precision: 4, scale: 5))]),
            DataExtensionDraft(name: String(repeating: "n", count: 129), fields: [Field(name: "A", type: .text)]),
            DataExtensionDraft(
                name: "Key", externalKey: "  ", fields: [Field(name: "A", type: .date, defaultValue: "GetDate()")]),
            DataExtensionDraft(name: "Dup", fields: [Field(name: "A", type: .text), Field(name: " a", type: .number)]),
            DataExtensionDraft(name: "Send", fields: [Field(name: "E", type: .emailAddress)], sendableFieldName: "E"),
        ]
        for draft in drafts {
            let problems = draft.problems(among: try temp.workspace.dataExtensions())
            let created = Result { try temp.workspace.createDataExtension(draft) }
            switch created {
            case .success: #expect(problems.isEmpty, "\(draft.name): \(problems)")
            case .failure(let error):
                #expect(problems.first?.error == error as? DefinitionError, "\(draft.name)")
            }
        }
        #expect(try temp.workspace.dataExtensions().map(\.name).sorted() == ["Fine", "Key", "Members", "Send"])
    }
}

import Foundation
import Testing

@testable import LabModel

/// Text from the app or the CLI holding a NUL is refused, as the emulator refuses it: SQLite
/// would keep only what comes before the NUL, and two keys could become one.
@Suite struct NULRefusalTests {
    @Test func valuesNamesAndKeysHoldingANULAreRefused() throws {
        let temp = try TemporaryWorkspace()
        let workspace = temp.workspace
        let people = try workspace.createDataExtension(
            DataExtensionDraft(name: "People", fields: [Field(name: "Email", type: .emailAddress, isPrimaryKey: true)]))
        #expect(throws: ValueProblem.holdsNUL) { try people.fields[0].value(from: "a\u{0}@example.com") }
        #expect(throws: RecordError.self) { try workspace.addRecord(to: .id(people.id), values: ["Email": "a\u{0}@example.com"]) }
        #expect(throws: DefinitionError.holdsNUL(what: "data extension name")) {
            try workspace.createDataExtension(DataExtensionDraft(name: "Cut\u{0}Short", fields: [Field(name: "Id", type: .text)]))
        }
        #expect(throws: DefinitionError.holdsNUL(what: "external key name")) {
            try workspace.createDataExtension(
                DataExtensionDraft(name: "Whole", externalKey: "k\u{0}ey", fields: [Field(name: "Id", type: .text)]))
        }
        #expect(throws: DefinitionError.holdsNUL(what: "key")) {
            try workspace.createAutomation(name: "Nightly", key: "n\u{0}ightly")
        }
        #expect(try workspace.rowCount(of: .id(people.id)) == 0)
        #expect(try workspace.dataExtensions().map(\.name) == ["People"])
        #expect(try workspace.automations().isEmpty)
    }
}

import Foundation
import Testing

@testable import LabModel

/// Cases found in review: each once lost data, crashed or answered wrongly.
@Suite struct EdgeCaseTests {
    @Test func narrowingADecimalsPrecisionKeepsItsValues() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.prices()
        let ref = DataExtensionReference.id(de.id)
        try temp.workspace.addRecord(to: ref, values: ["Sku": "a", "Price": "12.50"])
        let narrowed = try temp.workspace.changeField(
            named: "Price", in: ref, to: Field(name: "Price", type: .decimal(precision: 6, scale: 2)))
        #expect(try temp.workspace.rows(of: ref).records[0].texts(in: narrowed)["Price"] == "12.50")
        #expect(
            throws: DefinitionError.breaksStoredValues(
                field: "Price", reason: "a stored value has more digits than precision 3 allows")
        ) {
            try temp.workspace.changeField(
                named: "Price", in: ref, to: Field(name: "Price", type: .decimal(precision: 3, scale: 2)))
        }
    }

    @Test func aPrimaryKeyFieldCanChangeTypeWhileEmpty() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: false)
        let changed = try temp.workspace.changeField(
            named: "EmailAddress", in: .id(de.id), to: Field(name: "EmailAddress", type: .text, isPrimaryKey: true, length: 100))
        #expect(changed.primaryKey.map(\.typeDescription) == ["Text(100)"])
        try temp.workspace.addRecord(to: .id(de.id), values: ["EmailAddress": "not an address"])
        #expect(throws: RecordError.self) {
            try temp.workspace.addRecord(to: .id(de.id), values: ["EmailAddress": "NOT AN ADDRESS"])
        }
    }

    @Test func textWithLongGraphemesIsMeasuredAsValidationMeasuresIt() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Thumbs", fields: [Field(name: "Mood", type: .text, length: 10), Field(name: "Note", type: .text)]))
        let ref = DataExtensionReference.id(de.id)
        try temp.workspace.addRecord(to: ref, values: ["Mood": String(repeating: "👍🏽", count: 6)])
        let changed = try temp.workspace.changeField(named: "Mood", in: ref, to: Field(name: "Mood", type: .text, length: 8))
        #expect(changed.field(named: "Mood")?.length == 8)
        try temp.workspace.changeField(named: "Note", in: ref, to: Field(name: "Note", type: .text, length: 60))
    }

    @Test func anOffsetCannotPushADatePastTheLastSupportedYear() {
        let field = Field(name: "When", type: .date)
        #expect(throws: ValueProblem.notADate) { try field.value(from: "9999-12-31T23:30:00-01:00") }
    }

    @Test func orderingAgainstNoValueMatchesNothing() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        try temp.workspace.addRecord(to: .id(de.id), values: ["EmailAddress": "nobody@x.com"])
        let page = try temp.workspace.rows(of: .id(de.id), matching: .compare(field: "MemberID", .less, value: ""))
        #expect(page.records.isEmpty)
        let empty = try temp.workspace.rows(of: .id(de.id), matching: .compare(field: "MemberID", .equals, value: ""))
        #expect(empty.records.count == 1)
    }

    @Test func deletingTheSameRowTwiceInOneCallDeletesItOnce() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        #expect(try temp.workspace.deleteRecords(in: .id(de.id), rowIDs: [2, 2]) == 1)
        #expect(try temp.workspace.rowCount(of: .id(de.id)) == 2)
    }

    @Test func aDataExtensionIsTheRootOfOneGroupOnly() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let first = try temp.workspace.createAttributeGroup(name: "First")
        let second = try temp.workspace.createAttributeGroup(name: "Second")
        try temp.workspace.linkDataExtension(.id(de.id), to: first.id, contactKeyField: "EmailAddress", asRoot: true)
        #expect(throws: ContactModelError.alreadyRootElsewhere(dataExtension: "Members", group: "First")) {
            try temp.workspace.linkDataExtension(.id(de.id), to: second.id, contactKeyField: "EmailAddress", asRoot: true)
        }
    }

    @Test func fieldsWithTheSameIdGetTheirOwn() throws {
        let temp = try TemporaryWorkspace()
        let shared = UUID()
        let de = try temp.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Twins", fields: [Field(id: shared, name: "A", type: .text), Field(id: shared, name: "B", type: .text)]))
        #expect(Set(de.fields.map(\.id)).count == 2)
        let added = try temp.workspace.addField(Field(id: shared, name: "C", type: .number), to: .id(de.id))
        #expect(Set(added.fields.map(\.id)).count == 3)
        #expect(added.field(named: "A")?.type == .text)
    }
}

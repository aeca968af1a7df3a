import Foundation
import Testing

@testable import LabModel

@Suite struct DataExtensionDefinitionTests {
    @Test func seedMemberDataExtensionIsCreatedAsDeclared() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: false)
        #expect(de.name == "Members")
        #expect(de.fields.map(\.name) == ["EmailAddress", "MemberID", "FirstName", "LastName", "Updated"])
        #expect(de.fields.map(\.typeDescription) == ["EmailAddress(254)", "Number", "Text(50)", "Text(50)", "Boolean"])
        #expect(de.primaryKey.map(\.name) == ["EmailAddress"])
        #expect(de.field(named: "emailaddress")?.isRequired == true)
        #expect(de.field(named: "Updated")?.defaultValue == "False")
        #expect(de.externalKey.count == 36)
        #expect(de.externalKey == de.externalKey.uppercased())
        #expect(UUID(uuidString: de.externalKey) != nil)
        #expect(!de.isSendable)
        let journal = try temp.workspace.journal()
        #expect(journal.last?.sentence.hasPrefix("Created data extension Members with 5 fields") == true)
    }

    @Test func makingSendableRelatesAFieldToSubscriberKey() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let sendable = try temp.workspace.makeSendable(.externalKey(de.externalKey), relating: "emailaddress")
        #expect(sendable.sendableField?.name == "EmailAddress")
        #expect(try temp.workspace.dataExtension(.name("members")).isSendable)
        #expect(throws: DefinitionError.sendableFieldWrongType(field: "MemberID", type: "Number")) {
            try temp.workspace.makeSendable(.id(de.id), relating: "MemberID")
        }
        #expect(throws: DefinitionError.sendableFieldNotFound("Nope")) {
            try temp.workspace.makeSendable(.id(de.id), relating: "Nope")
        }
    }

    @Test func externalKeysAndNamesAreUniqueAndKeysEditable() throws {
        let temp = try TemporaryWorkspace()
        try temp.workspace.createDataExtension(SeedScenario.memberDataExtension(name: "A", externalKey: "MEMBERS"))
        #expect(throws: DefinitionError.duplicateExternalKey("members")) {
            try temp.workspace.createDataExtension(SeedScenario.memberDataExtension(name: "B", externalKey: "members"))
        }
        #expect(throws: DefinitionError.duplicateDataExtensionName("a")) {
            try temp.workspace.createDataExtension(SeedScenario.memberDataExtension(name: "a"))
        }
        let b = try temp.workspace.createDataExtension(SeedScenario.memberDataExtension(name: "B"))
        let edited = try temp.workspace.editDataExtension(.id(b.id), externalKey: "B-KEY", description: "second")
        #expect(edited.externalKey == "B-KEY")
        #expect(try temp.workspace.dataExtension(.externalKey("b-key")).description == "second")
        #expect(throws: DefinitionError.duplicateExternalKey("MEMBERS")) {
            try temp.workspace.editDataExtension(.id(b.id), externalKey: "MEMBERS")
        }
    }

    @Test func fieldDefinitionsAreValidated() throws {
        let temp = try TemporaryWorkspace()
        func create(_ fields: [Field]) throws {
            try temp.workspace.createDataExtension(DataExtensionDraft(name: "T\(UUID())", fields: fields))
        }
        #expect(throws: DefinitionError.noFields) { try create([]) }
        #expect(throws: DefinitionError.duplicateFieldName("email")) {
            try create([Field(name: "Email", type: .text), Field(name: "email", type: .text)])
        }
        #expect(throws: DefinitionError.lengthOutOfRange(field: "Notes", length: 4001, allowed: 1...4000)) {
            try create([Field(name: "Notes", type: .text, length: 4001)])
        }
        #expect(throws: DefinitionError.lengthOutOfRange(field: "Email", length: 300, allowed: 1...254)) {
            try create([Field(name: "Email", type: .emailAddress, length: 300)])
        }
        #expect(throws: DefinitionError.lengthNotAllowed(field: "Count", type: "Number")) {
            try create([Field(name: "Count", type: .number, length: 10)])
        }
        #expect(throws: DefinitionError.scaleOutOfRange(field: "Price", scale: 5, precision: 4)) {
            try create([Field(name: "Price", type: .decimal(precision: 4, scale: 5))])
        }
        #expect(throws: DefinitionError.precisionOutOfRange(field: "Price", precision: 30)) {
            try create([Field(name: "Price", type: .decimal(precision: 30, scale: 2))])
        }
        #expect(throws: DefinitionError.invalidDefault(field: "Updated", value: "Nope", problem: .notABoolean)) {
            try create([Field(name: "Updated", type: .boolean, defaultValue: "Nope")])
        }
        #expect(throws: DefinitionError.emptyName(what: "field")) { try create([Field(name: "  ", type: .text)]) }
        #expect(try temp.workspace.dataExtensions().isEmpty)
        #expect(try temp.workspace.journal().isEmpty)
    }

    @Test func textFieldsDefaultToLengthFiftyAndPrimaryKeysAreRequired() throws {
        let field = Field(name: "Code", type: .text, isPrimaryKey: true)
        #expect(field.length == 50)
        #expect(field.isRequired)
        #expect(Field(name: "Phone", type: .phone).length == 50)
        #expect(Field(name: "Locale", type: .locale).length == 5)
        #expect(Field(name: "Email", type: .emailAddress).length == 254)
    }

    @Test func addingANullableFieldToADataExtensionWithRowsWorks() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let withCity = try temp.workspace.addField(Field(name: "City", type: .text, length: 40), to: .id(de.id))
        #expect(withCity.fields.last?.name == "City")
        let withTier = try temp.workspace.addField(
            Field(name: "Tier", type: .text, isRequired: true, defaultValue: "Bronze"), to: .id(de.id))
        let records = try temp.workspace.rows(of: .id(de.id)).records
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.texts(in: withTier)["City"] == "" && $0.texts(in: withTier)["Tier"] == "Bronze" })
        try temp.workspace.addRecord(to: .id(de.id), values: ["EmailAddress": "new@sausage.com", "City": "Leeds"])
        #expect(try temp.workspace.rowCount(of: .id(de.id)) == 4)
    }

    @Test func changesThatWouldBreakStoredValuesAreRefusedWithTheReason() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let ref = DataExtensionReference.id(de.id)
        #expect(
            throws: DefinitionError.breaksStoredValues(
                field: "Level", reason: "the 3 existing records would have no value; make it nullable or give it a default")
        ) {
            try temp.workspace.addField(Field(name: "Level", type: .number, isRequired: true), to: ref)
        }
        #expect(
            throws: DefinitionError.breaksStoredValues(
                field: "FirstName", reason: "a stored value is 5 characters long, more than the new length 3")
        ) {
            try temp.workspace.changeField(named: "FirstName", in: ref, to: Field(name: "FirstName", type: .text, length: 3))
        }
        #expect(
            throws: DefinitionError.breaksStoredValues(
                field: "MemberID",
                reason: "it is Number and the data extension has 3 records; a field's type can only change while it is empty")
        ) {
            try temp.workspace.changeField(named: "MemberID", in: ref, to: Field(name: "MemberID", type: .text))
        }
        try temp.workspace.addRecord(to: ref, values: ["EmailAddress": "noname@sausage.com"])
        #expect(throws: DefinitionError.breaksStoredValues(field: "FirstName", reason: "1 stored record has no value")) {
            try temp.workspace.changeField(
                named: "FirstName", in: ref, to: Field(name: "FirstName", type: .text, isRequired: true))
        }
        // Nothing above changed the definition.
        #expect(try temp.workspace.dataExtension(ref).fields == de.fields)
        let widened = try temp.workspace.changeField(
            named: "FirstName", in: ref, to: Field(name: "GivenName", type: .text, length: 80))
        #expect(widened.fields[2].name == "GivenName")
        #expect(widened.fields[2].length == 80)
        #expect(try temp.workspace.rows(of: ref).records.first?.texts(in: widened)["GivenName"] == "Susan")
    }

    @Test func aNewPrimaryKeyMustBeUniqueAcrossStoredRecords() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Codes",
                fields: [Field(name: "Code", type: .text, isPrimaryKey: true), Field(name: "Team", type: .text)]))
        let ref = DataExtensionReference.id(de.id)
        try temp.workspace.addRecords(to: ref, rows: [["Code": "a", "Team": "red"], ["Code": "b", "Team": "red"]])
        try temp.workspace.changeField(named: "Code", in: ref, to: Field(name: "Code", type: .text))
        #expect(throws: DefinitionError.breaksStoredValues(field: "Team", reason: "two records would share the same primary key"))
        {
            try temp.workspace.changeField(named: "Team", in: ref, to: Field(name: "Team", type: .text, isPrimaryKey: true))
        }
        #expect(try temp.workspace.dataExtension(ref).primaryKey.isEmpty)
    }

    @Test func aFieldTypeCanChangeWhileEmptyAndFieldsCanBeRemoved() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: false)
        let ref = DataExtensionReference.id(de.id)
        let changed = try temp.workspace.changeField(named: "MemberID", in: ref, to: Field(name: "MemberID", type: .text))
        #expect(changed.field(named: "MemberID")?.type == .text)
        try temp.workspace.addRecord(to: ref, values: ["EmailAddress": "a@b.com", "MemberID": "M-1"])
        let removed = try temp.workspace.removeField(named: "LastName", from: ref)
        #expect(removed.field(named: "LastName") == nil)
        try temp.workspace.makeSendable(ref, relating: "EmailAddress")
        #expect(throws: DefinitionError.fieldInUse(field: "EmailAddress", reason: "it relates to Subscriber Key")) {
            try temp.workspace.removeField(named: "EmailAddress", from: ref)
        }
        #expect(try temp.workspace.rows(of: ref).records.first?.texts(in: removed)["MemberID"] == "M-1")
    }

    @Test func deletingADataExtensionRemovesItsRows() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        try temp.workspace.deleteDataExtension(.id(de.id))
        #expect(try temp.workspace.dataExtensions().isEmpty)
        #expect(throws: DefinitionError.dataExtensionNotFound(.id(de.id))) { try temp.workspace.rows(of: .id(de.id)) }
        #expect(try temp.workspace.journal().last?.sentence == "Deleted data extension Members and its 3 records.")
    }
}

import Foundation
import Testing

@testable import LabModel

@Suite struct RecordTests {
    @Test func seedMembersAreAddedWithUpdatedDefaultingToFalse() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        #expect(de.rowCount == 3)
        let records = try temp.workspace.rows(of: .id(de.id)).records
        #expect(
            records.map { $0.texts(in: de)["EmailAddress"] } == ["susan@sausage.com", "sam@sausage.com", "sally@sausage.com"])
        #expect(records.allSatisfy { $0.texts(in: de)["Updated"] == "False" })
        #expect(
            records[2].texts(in: de) == [
                "EmailAddress": "sally@sausage.com", "MemberID": "3", "FirstName": "Sally", "LastName": "Saveloy",
                "Updated": "False",
            ])
        #expect(try temp.workspace.journal().last?.sentence == "Added 3 records to Members.")
    }

    @Test func invalidValuesAreRefusedNamingFieldRuleAndValue() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: false)
        let ref = DataExtensionReference.id(de.id)
        #expect(throws: RecordError.invalidValue(field: "EmailAddress", value: "susan", problem: .notAnEmailAddress)) {
            try temp.workspace.addRecord(to: ref, values: ["EmailAddress": "susan"])
        }
        #expect(throws: RecordError.invalidValue(field: "EmailAddress", value: "", problem: .required)) {
            try temp.workspace.addRecord(to: ref, values: ["FirstName": "Nobody"])
        }
        #expect(throws: RecordError.invalidValue(field: "MemberID", value: "one", problem: .notAWholeNumber)) {
            try temp.workspace.addRecord(to: ref, values: ["EmailAddress": "a@b.com", "MemberID": "one"])
        }
        #expect(throws: RecordError.unknownField(dataExtension: "Members", field: "Nickname")) {
            try temp.workspace.addRecord(to: ref, values: ["EmailAddress": "a@b.com", "Nickname": "A"])
        }
        let message = RecordError.invalidValue(field: "MemberID", value: "one", problem: .notAWholeNumber).description
        #expect(message == "MemberID: the value \"one\" is not a whole number.")
        #expect(try temp.workspace.rowCount(of: ref) == 0)
    }

    @Test func fieldNamesMatchCaseInsensitively() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: false)
        let record = try temp.workspace.addRecord(
            to: .id(de.id), values: ["emailaddress": "x@y.com", "FIRSTNAME": "Xena", "updated": "yes"])
        #expect(record.texts(in: de)["FirstName"] == "Xena")
        #expect(record.texts(in: de)["Updated"] == "True")
    }

    @Test func primaryKeysAreUniqueIgnoringCase() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        #expect(throws: RecordError.duplicatePrimaryKey(dataExtension: "Members", key: ["EmailAddress": "SUSAN@sausage.com"])) {
            try temp.workspace.addRecord(to: .id(de.id), values: ["EmailAddress": "SUSAN@sausage.com"])
        }
        #expect(try temp.workspace.rowCount(of: .id(de.id)) == 3)
    }

    @Test func upsertInsertsNewKeysAndChangesOnlyTheGivenFieldsOfExistingOnes() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let ref = DataExtensionReference.id(de.id)
        let changed = try temp.workspace.upsertRecord(in: ref, values: ["EmailAddress": "sam@sausage.com", "Updated": "True"])
        #expect(!changed.wasInserted)
        #expect(changed.record.texts(in: de)["FirstName"] == "Sam")
        #expect(changed.record.texts(in: de)["Updated"] == "True")
        let added = try temp.workspace.upsertRecord(in: ref, values: ["EmailAddress": "saskia@sausage.com", "MemberID": "5"])
        #expect(added.wasInserted)
        #expect(added.record.texts(in: de)["Updated"] == "False")
        #expect(try temp.workspace.rowCount(of: ref) == 4)
        #expect(throws: RecordError.missingPrimaryKey(dataExtension: "Members", fields: ["EmailAddress"])) {
            try temp.workspace.upsertRecord(in: ref, values: ["FirstName": "Keyless"])
        }
    }

    @Test func compositeKeysIdentifyRecordsByAllTheirParts() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Orders",
                fields: [
                    Field(name: "Customer", type: .emailAddress, isPrimaryKey: true),
                    Field(name: "OrderNumber", type: .number, isPrimaryKey: true),
                    Field(name: "Total", type: .decimal(precision: 10, scale: 2)),
                ]))
        let ref = DataExtensionReference.id(de.id)
        try temp.workspace.addRecord(to: ref, values: ["Customer": "a@b.com", "OrderNumber": "1", "Total": "9.5"])
        try temp.workspace.addRecord(to: ref, values: ["Customer": "a@b.com", "OrderNumber": "2", "Total": "1"])
        try temp.workspace.addRecord(to: ref, values: ["Customer": "c@d.com", "OrderNumber": "1", "Total": "2"])
        #expect(
            throws: RecordError.duplicatePrimaryKey(dataExtension: "Orders", key: ["Customer": "a@b.com", "OrderNumber": "2"])
        ) {
            try temp.workspace.addRecord(to: ref, values: ["Customer": "a@b.com", "OrderNumber": "2"])
        }
        let upserted = try temp.workspace.upsertRecord(
            in: ref, values: ["Customer": "a@b.com", "OrderNumber": "2", "Total": "3.25"])
        #expect(!upserted.wasInserted)
        #expect(upserted.record.texts(in: de)["Total"] == "3.25")
        #expect(try temp.workspace.rowCount(of: ref) == 3)
    }

    @Test func decimalsRoundTripExactlyThroughTheDatabase() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.prices()
        let ref = DataExtensionReference.id(de.id)
        for (sku, price) in [("a", "0.10"), ("b", "0.1"), ("c", "1234567890123456.78"), ("d", "-0.30")] {
            try temp.workspace.addRecord(to: ref, values: ["Sku": sku, "Price": price])
        }
        let prices = try temp.workspace.rows(of: ref).records.map { $0.texts(in: de)["Price"]! }
        #expect(prices == ["0.10", "0.10", "1234567890123456.78", "-0.30"])
        let total = try temp.workspace.rows(of: ref, sortedBy: RecordSort("Price")).records.map { $0.texts(in: de)["Sku"]! }
        #expect(total == ["d", "a", "b", "c"])
    }

    @Test func aFailingWriteLeavesNoTrace() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let ref = DataExtensionReference.id(de.id)
        let journalBefore = try temp.workspace.journal()
        let rows = [
            ["EmailAddress": "ok1@sausage.com"],
            ["EmailAddress": "ok2@sausage.com"],
            ["EmailAddress": "sam@sausage.com"],  // duplicates an existing member
        ]
        #expect(throws: RecordError.duplicatePrimaryKey(dataExtension: "Members", key: ["EmailAddress": "sam@sausage.com"])) {
            try temp.workspace.addRecords(to: ref, rows: rows)
        }
        #expect(throws: RecordError.invalidValue(field: "MemberID", value: "x", problem: .notAWholeNumber)) {
            try temp.workspace.addRecords(
                to: ref, rows: [["EmailAddress": "ok3@sausage.com"], ["EmailAddress": "ok4@sausage.com", "MemberID": "x"]])
        }
        #expect(throws: RecordError.invalidValue(field: "Updated", value: "maybe", problem: .notABoolean)) {
            try temp.workspace.editRecord(in: ref, rowID: 1, values: ["FirstName": "Changed", "Updated": "maybe"])
        }
        #expect(try temp.workspace.rowCount(of: ref) == 3)
        #expect(try temp.workspace.rows(of: ref, limit: 10).records.count == 3)
        #expect(try temp.workspace.record(in: ref, rowID: 1).texts(in: de)["FirstName"] == "Susan")
        #expect(try temp.workspace.journal() == journalBefore)
    }

    @Test func recordsCanBeEditedAndDeleted() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members()
        let ref = DataExtensionReference.id(de.id)
        let edited = try temp.workspace.editRecord(in: ref, rowID: 2, values: ["Updated": "true", "LastName": "Banger"])
        #expect(edited.texts(in: de)["LastName"] == "Banger")
        #expect(
            try temp.workspace.journal().last?.sentence
                == "Edited EmailAddress = sam@sausage.com in Members: LastName = Banger, Updated = True.")
        #expect(throws: RecordError.duplicatePrimaryKey(dataExtension: "Members", key: ["EmailAddress": "susan@sausage.com"])) {
            try temp.workspace.editRecord(in: ref, rowID: 2, values: ["EmailAddress": "susan@sausage.com"])
        }
        #expect(try temp.workspace.deleteRecords(in: ref, rowIDs: [1]) == 1)
        #expect(try temp.workspace.rowCount(of: ref) == 2)
        #expect(throws: RecordError.recordNotFound(dataExtension: "Members", rowID: 1)) {
            try temp.workspace.deleteRecords(in: ref, rowIDs: [1])
        }
        #expect(try temp.workspace.journal().last?.sentence == "Deleted record EmailAddress = susan@sausage.com from Members.")
    }

    @Test func aDateFieldDefaultingToGetDateTakesTheTimeOfTheInsert() throws {
        let fixed = Date(timeIntervalSince1970: 1_719_100_800)  // 2024-06-23 00:00:00 UTC
        let temp = try TemporaryWorkspace(clock: { fixed })
        let de = try temp.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Visits",
                fields: [Field(name: "Who", type: .text), Field(name: "At", type: .date, defaultValue: "GetDate()")]))
        let record = try temp.workspace.addRecord(to: .id(de.id), values: ["Who": "Sam"])
        #expect(record.texts(in: de)["At"] == "6/23/2024 12:00:00 AM")
    }
}

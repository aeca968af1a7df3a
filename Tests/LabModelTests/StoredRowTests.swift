import Foundation
import GRDB
import Testing

@testable import LabModel

/// A definition row changed outside JourneyLab is refused when read, with an error naming the
/// table, the column and the value: never read as a default, never a crash.
@Suite struct StoredRowTests {
    /// One row made unreadable with plain SQL, and the reader that must refuse it.
    struct Corruption: Sendable, CustomTestStringConvertible {
        let sql: String
        let expected: StoredRowError
        let read: @Sendable (Workspace) throws -> Void

        var testDescription: String { "\(expected)" }
    }

    static let corruptions: [Corruption] = [
        Corruption(
            sql: "UPDATE journeyVersion SET status = 'Sideways'",
            expected: .unreadable(table: "journeyVersion", column: "status", value: "Sideways", expected: "a journey status"),
            read: { _ = try $0.journeys() }),
        Corruption(
            sql: "UPDATE journeyVersion SET entryMode = 'Sometimes'",
            expected: .unreadable(
                table: "journeyVersion", column: "entryMode", value: "Sometimes", expected: "an entry mode"),
            read: { _ = try $0.journey(.key("member-updates")) }),
        Corruption(
            sql: "UPDATE journeyVersion SET triggerID = '00000000-0000-0000-0000-000000000000'",
            expected: .unreadable(
                table: "journeyVersion", column: "triggerID", value: "00000000-0000-0000-0000-000000000000",
                expected: "the id of an event definition"),
            read: { _ = try $0.journeys() }),
        Corruption(
            sql: "UPDATE attributeGroupLink SET dataExtensionID = 'not-a-uuid' WHERE isRoot",
            expected: .unreadable(table: "attributeGroupLink", column: "dataExtensionID", value: "not-a-uuid", expected: "an id"),
            read: { _ = try $0.attributeGroups() }),
        Corruption(
            sql: "UPDATE attributeGroupLink SET cardinality = 'Several' WHERE NOT isRoot",
            expected: .unreadable(
                table: "attributeGroupLink", column: "cardinality", value: "Several", expected: "a cardinality (One or Many)"),
            read: { _ = try $0.attributeGroups() }),
        Corruption(
            sql: "UPDATE eventDefinition SET type = 'Telepathy'",
            expected: .unreadable(
                table: "eventDefinition", column: "type", value: "Telepathy", expected: "an event definition type"),
            read: { _ = try $0.eventDefinitions() }),
        Corruption(
            sql: "UPDATE eventDefinition SET filter = '{\"not\": \"a filter\"}'",
            expected: .unreadable(
                table: "eventDefinition", column: "filter", value: #"{"not": "a filter"}"#, expected: "a stored filter"),
            read: { _ = try $0.journeys() }),
        Corruption(
            sql: "UPDATE journeyActivity SET type = 'SENDEMAIL'",
            expected: .unreadable(
                table: "journeyActivity", column: "type", value: "SENDEMAIL",
                expected: "an activity type (UPDATECONTACTDATA or WAIT)"),
            read: { _ = try $0.journeys() }),
        Corruption(
            sql: "UPDATE journeyActivity SET value = 'Boolean|perhaps'",
            expected: .unreadable(
                table: "journeyActivity", column: "value", value: "Boolean|perhaps",
                expected: "an Update Contact Data value (type|text)"),
            read: { _ = try $0.journeys() }),
        Corruption(
            sql: "UPDATE contactEvent SET state = 'Asleep'",
            expected: .unreadable(
                table: "contactEvent", column: "state", value: "Asleep", expected: "a Contact Builder event state"),
            read: { _ = try $0.contactEvents() }),
        Corruption(
            sql: "UPDATE dataExtensionField SET type = 'Colour' WHERE name = 'Updated'",
            expected: .unreadable(table: "dataExtensionField", column: "type", value: "Colour", expected: "a field type"),
            read: { _ = try $0.dataExtension(.name("Members")) }),
        Corruption(
            sql: "UPDATE dataExtension SET sendableFieldID = 'EmailAddress' WHERE name = 'Members'",
            expected: .unreadable(table: "dataExtension", column: "sendableFieldID", value: "EmailAddress", expected: "an id"),
            read: { _ = try $0.dataExtensions() }),
        Corruption(
            sql: "UPDATE automation SET status = 'Dozing'",
            expected: .unreadable(table: "automation", column: "status", value: "Dozing", expected: "an automation status"),
            read: { _ = try $0.automations() }),
        Corruption(
            sql: "UPDATE installedApp SET permissions = 'Data Extensions Read,Time Travel'",
            expected: .unreadable(
                table: "installedApp", column: "permissions", value: "Data Extensions Read,Time Travel",
                expected: "a list of App Center permissions"),
            read: { _ = try $0.apps() }),
    ]

    @Test(arguments: corruptions)
    func aCorruptedDefinitionRowIsRefusedByName(_ corruption: Corruption) throws {
        let temp = try TemporaryWorkspace()
        try SeedScenario.configure(temp.workspace)
        try Self.corrupt(temp.workspace, with: corruption.sql)
        #expect(throws: corruption.expected) { try corruption.read(temp.workspace) }
    }

    @Test func anAutomationRunWithAnUnknownStatusIsRefusedByName() throws {
        let temp = try TemporaryWorkspace()
        let seed = try SeedScenario.configure(temp.workspace)
        try temp.workspace.runOnce(seed.automation.id)
        try Self.corrupt(temp.workspace, with: "UPDATE automationActivityRun SET status = 'Napping'")
        #expect(
            throws: StoredRowError.unreadable(
                table: "automationActivityRun", column: "status", value: "Napping", expected: "an automation run status")
        ) { try temp.workspace.runs(of: seed.automation.id) }
    }

    @Test func aRequestLogLineNamingNoAppIdIsRefusedByName() throws {
        let temp = try TemporaryWorkspace()
        temp.workspace.logRequest(
            RequestLogEntry(
                time: Date(), method: "GET", path: "/platform/v1/tokenContext", status: 200, durationMilliseconds: 0.4,
                requestBody: "", responseBody: "{}", appID: UUID()))
        _ = try temp.workspace.requestLog()
        try Self.corrupt(temp.workspace, with: "UPDATE requestLog SET appID = 'tutorial app'")
        #expect(
            throws: StoredRowError.unreadable(table: "requestLog", column: "appID", value: "tutorial app", expected: "an id")
        ) { try temp.workspace.requestLog() }
    }

    @Test func theErrorSaysWhereTheBadValueIsAndWhatBelongsThere() {
        let error = StoredRowError.unreadable(
            table: "journeyVersion", column: "status", value: "Sideways", expected: "a journey status")
        #expect(
            error.description == #"The workspace's journeyVersion.status holds "Sideways", which is not a journey status."#)
        let null = StoredRowError.unreadable(table: "journeyActivity", column: "value", value: nil, expected: "text")
        #expect(null.description == "The workspace's journeyActivity.value holds NULL, which is not text.")
    }

    /// Runs `sql` on the workspace's writer as another program would: foreign keys unchecked,
    /// so an id can name nothing.
    private static func corrupt(_ workspace: Workspace, with sql: String) throws {
        try workspace.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
            let changed = db.changesCount
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            #expect(changed > 0, "the corruption changed no row")
        }
    }
}

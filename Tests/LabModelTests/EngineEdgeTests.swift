import Foundation
import Testing

@testable import LabModel

/// The engine's edges: restarts, keys no trigger uses, contacts with several rows, key mismatches.
@Suite struct EngineEdgeTests {
    @Test func settleWaitsForWorkAgainAfterAStopAndAStart() async throws {
        let fixture = try EngineFixture()
        let seed = try SeedScenario.configure(fixture.workspace)
        await fixture.engine.stop()
        #expect(!fixture.engine.isRunning)
        let fired = try await fixture.workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()  // not running: returns at once, nothing done
        #expect(try fixture.workspace.eventInstance(fired.instanceID).status == .queued)
        fixture.engine.start()
        await fixture.engine.settle()
        #expect(try fixture.workspace.eventInstance(fired.instanceID).status == .done)
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "True")
    }

    @Test func aStartedEventWhoseKeyNoTriggerUsesIsRecordedAndAdmitsNobody() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let lonely = try workspace.createContactEvent(name: "Lonely", eventKey: "LONELY-KEY", destinationGroupID: seed.group.id)
        try workspace.createEventDataExtension(for: lonely.id, name: "Lonely Data", fields: [])
        try workspace.startEvent(lonely.id)
        let fired = try await workspace.fireContactEvent(
            ContactEventRequest(eventKey: "lonely-key", contact: .key("sam@sausage.com")))
        await fixture.engine.settle()
        let event = try workspace.eventInstance(fired.instanceID)
        #expect(event.status == .done)
        #expect(try workspace.entries(of: fired.instanceID).map(\.outcome) == [.noRunningVersion])
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "False")
    }

    @Test func aContactWithSeveralRowsIsDecidedOnceWhateverTheBatchSize() async throws {
        for batchSize in [1, 2, 100] {
            let fixture = try EngineFixture(settings: EngineSettings(batchSize: batchSize))
            let workspace = fixture.workspace
            let visits = try workspace.createDataExtension(
                DataExtensionDraft(
                    name: "Visits",
                    fields: [
                        Field(name: "Email", type: .emailAddress), Field(name: "Page", type: .text),
                        Field(name: "Seen", type: .boolean, defaultValue: "False"),
                    ],
                    sendableFieldName: "Email"))
            try workspace.addRecords(
                to: .id(visits.id),
                rows: [
                    ["Email": "a@x.com", "Page": "home"], ["Email": "b@x.com", "Page": "home"],
                    ["Email": "A@x.com", "Page": "shop"], ["Page": "anonymous"], ["Email": "c@x.com", "Page": "shop"],
                ])
            let journey = try workspace.createJourney(name: "Visitors")
            try workspace.setTrigger(of: .id(journey.id), name: "Visit", dataExtension: .id(visits.id))
            try workspace.addUpdateContactActivity(
                to: .id(journey.id), dataExtension: .id(visits.id), field: "Seen", value: "True")
            try workspace.setEntryMode(.reEntryAnytime, of: .id(journey.id))
            try workspace.activate(.id(journey.id))
            let automation = try workspace.createAutomation(name: "Fire visits")
            try workspace.addFireEventActivity(to: automation.id, dataExtension: .id(visits.id))
            try workspace.runOnce(automation.id)
            await fixture.engine.settle()
            let activity = try #require(try workspace.runs(of: automation.id).first?.activities.first)
            #expect(
                (activity.rowsRead, activity.contactsEntered, activity.contactsSkipped, activity.rowsWithoutContact)
                    == (5, 3, 0, 2), "batch size \(batchSize)")
            // Update Contact Data sets every row of an entered contact, both of a@x.com's.
            let seen = try workspace.rows(of: .id(visits.id), limit: 10).records.map {
                $0[visits.field(named: "Seen")!].displayText
            }
            #expect(seen == ["True", "True", "True", "False", "True"], "batch size \(batchSize)")
        }
    }

    /// The contact is the event's top-level key and the row is written as sent: its key field
    /// may hold another value. Update Contact Data changes the contact's rows and that row.
    @Test func anAPIEventIsForItsContactAndWritesItsRowAsSent() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let leads = try workspace.createDataExtension(
            DataExtensionDraft(
                name: "Leads", fields: [Field(name: "Email", type: .emailAddress), Field(name: "Name", type: .text)],
                sendableFieldName: "Email"))
        let journey = try workspace.createJourney(name: "Leads in")
        let trigger = try workspace.setTrigger(of: .id(journey.id), name: "Lead", type: .apiEvent, dataExtension: .id(leads.id))
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(leads.id), field: "Name", value: "Welcomed")
        try workspace.setEntryMode(.reEntryAnytime, of: .id(journey.id))
        try workspace.activate(.id(journey.id))
        let sent = try await workspace.fireAPIEvent(
            key: trigger.key, contact: .key("lee@x.com"), data: ["Email": "bee@x.com", "Name": "Bee"])
        await fixture.engine.settle()
        #expect(sent.contact.key == "lee@x.com")
        let sentRow = try workspace.record(in: .id(leads.id), rowID: try #require(sent.writtenRow?.rowID)).texts(in: leads)
        #expect(sentRow == ["Email": "bee@x.com", "Name": "Welcomed"])
        #expect(try workspace.entries(of: sent.instanceID).map(\.outcome) == [.entered])
        // The key field left out of the data takes the contact's key.
        let fired = try await workspace.fireAPIEvent(key: trigger.key, contact: .key("lee@x.com"), data: ["Name": "Lee"])
        await fixture.engine.settle()
        let row = try workspace.record(in: .id(leads.id), rowID: try #require(fired.writtenRow?.rowID)).texts(in: leads)
        #expect(row == ["Email": "lee@x.com", "Name": "Welcomed"])
        // No primary key: a contact that has its own row (keys compare in any case) writes none.
        let again = try await workspace.fireAPIEvent(key: trigger.key, contact: .key("LEE@x.com"), data: ["Email": "lee@X.com"])
        #expect(again.writtenRow == nil)
        #expect(again.contact.key == "lee@x.com")
    }

    /// An SDK keys the contact by a CRM id (the member's MemberID) on a data extension sendable
    /// through EmailAddress: accepted, the row written as sent, the filter read on that row, and
    /// Update Contact Data sets the flag on it. The tutorial's flow (contact key = email) is unchanged.
    @Test func anEventKeyedByACRMIdEntersAndUpdatesTheRowItWrote() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let fired = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("42"),
            data: ["EmailAddress": "crm@sausage.com", "MemberID": "42", "FirstName": "Cam", "Updated": "False"])
        await fixture.engine.settle()
        #expect(fired.contact.key == "42")
        #expect(try workspace.entries(of: fired.instanceID).map(\.outcome) == [.entered])
        #expect(try fixture.flags(seed.members)["crm@sausage.com"] == "True")
        // The tutorial's form: the contact key is the member's email; an existing member's row
        // is not written again (the primary key says it is there), and its flag flips.
        let tutorial = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("sam@sausage.com"),
            data: ["EmailAddress": "sam@sausage.com", "FirstName": "Changed"])
        await fixture.engine.settle()
        #expect(tutorial.writtenRow == nil)
        #expect(try fixture.record(seed.members, email: "sam@sausage.com")["FirstName"] == "Sam")
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "True")
    }

    /// A data extension that is the root of an attribute group holds contacts in its root-link
    /// field, even when it is sendable through another: Update Contact Data follows the link.
    @Test func theRootLinkFieldHoldsTheContactKeyBeforeTheSendableField() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let profiles = try workspace.createDataExtension(
            DataExtensionDraft(
                name: "Profiles",
                fields: [
                    Field(name: "CrmID", type: .text, isPrimaryKey: true, isRequired: true, length: 20),
                    Field(name: "Email", type: .emailAddress), Field(name: "Flag", type: .boolean, defaultValue: "False"),
                ],
                sendableFieldName: "Email"))
        let group = try workspace.createAttributeGroup(name: "Profiles group")
        try workspace.linkDataExtension(.id(profiles.id), to: group.id, contactKeyField: "CrmID", asRoot: true)
        try workspace.addRecords(
            to: .id(profiles.id), rows: [["CrmID": "c-1", "Email": "one@x.com"], ["CrmID": "c-2", "Email": "two@x.com"]])
        let journey = try workspace.createJourney(name: "Profiles in")
        let trigger = try workspace.setTrigger(
            of: .id(journey.id), name: "Profile", type: .apiEvent, dataExtension: .id(profiles.id))
        try workspace.addUpdateContactActivity(to: .id(journey.id), dataExtension: .id(profiles.id), field: "Flag", value: "True")
        try workspace.activate(.id(journey.id))
        let fired = try await workspace.fireAPIEvent(
            key: trigger.key, contact: .key("c-1"), data: ["CrmID": "c-1", "Email": "one@x.com"])
        await fixture.engine.settle()
        #expect(fired.writtenRow == nil)
        let flags = try workspace.rows(of: .id(profiles.id)).records.map { $0.texts(in: profiles) }
        #expect(flags.map { [$0["CrmID"] ?? "", $0["Flag"] ?? ""] } == [["c-1", "True"], ["c-2", "False"]])
    }

    @Test func contactKeysInEventDataCompareCaseInsensitivelyAndAllMustAgree() throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let data = { (keys: [String]) in
            [
                ContactEventData(
                    name: "Member Preferences", items: keys.map { [NameValue("ContactKey", $0), NameValue("Preference", "x")] })
            ]
        }
        let fired = try workspace.fireContactEvent(
            ContactEventRequest(eventKey: seed.trigger.key, contact: .key("Sam@Sausage.com"), data: data(["sam@sausage.com"])))
        #expect(fired.contact.key == "sam@sausage.com")
        #expect(throws: FireEventError.conflictingContactKeys("sam@sausage.com", "sally@sausage.com")) {
            try workspace.fireContactEvent(
                ContactEventRequest(eventKey: seed.trigger.key, data: data(["sam@sausage.com", "sally@sausage.com"])))
        }
    }

    @Test func aFailedActivityEndsTheRunAndLaterActivitiesDoNotStart() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let orphans = try workspace.createDataExtension(
            DataExtensionDraft(name: "Orphans", fields: [Field(name: "Email", type: .emailAddress)]))
        try workspace.addRecord(to: .id(orphans.id), values: ["Email": "o@x.com"])
        let group = try workspace.createAttributeGroup(name: "Orphanage")
        try workspace.linkDataExtension(.id(orphans.id), to: group.id, contactKeyField: "Email", asRoot: true)
        let journey = try workspace.createJourney(name: "Orphan journey")
        try workspace.setTrigger(of: .id(journey.id), name: "Orphan", dataExtension: .id(orphans.id))
        try workspace.addWaitActivity(to: .id(journey.id), duration: 1, unit: .days)
        try workspace.activate(.id(journey.id))
        try workspace.unlinkDataExtension(.id(orphans.id), from: group.id)
        let automation = try workspace.createAutomation(name: "Two steps")
        try workspace.addFireEventActivity(to: automation.id, dataExtension: .id(orphans.id), step: 1)
        try workspace.addFireEventActivity(to: automation.id, dataExtension: .id(seed.members.id), step: 2)
        try workspace.runOnce(automation.id)
        await fixture.engine.settle()
        let run = try #require(try workspace.runs(of: automation.id).first)
        #expect(run.status == .error)
        #expect(run.activities.map(\.status) == [.error, .error])
        #expect(run.activities[1].message == "Not run: an earlier activity failed.")
        #expect(try fixture.flags(seed.members).values.allSatisfy { $0 == "False" })
    }
}

extension EngineEdgeTests {
    /// A single event decided between a run's batches still keeps its contact from entering twice.
    @Test func aContactWhoEnteredMidRunIsNotLetInAgainByALaterBatch() async throws {
        let fixture = try EngineFixture(settings: EngineSettings(pace: .stepped, batchSize: 1))
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        try workspace.newDraft(of: .id(seed.journey.id))
        let open = try workspace.setTrigger(of: .id(seed.journey.id), name: "Anyone", dataExtension: .id(seed.members.id))
        try workspace.activate(.id(seed.journey.id))
        try workspace.runOnce(seed.automation.id)
        fixture.engine.advance()  // batch 1: susan
        await fixture.engine.settle()
        try await workspace.fireAPIEvent(
            key: open.key, contact: .key("sally@sausage.com"), data: ["EmailAddress": "sally@sausage.com"])
        for _ in 0..<8 {
            fixture.engine.advance()
            await fixture.engine.settle()
        }
        let run = try #require(try workspace.runs(of: seed.automation.id).first?.activities.first)
        #expect(run.rowsRead == 3)
        #expect((run.contactsEntered, run.skipped.alreadyInJourney) == (2, 1))
    }
}

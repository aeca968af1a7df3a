import Foundation
import Testing

@testable import LabModel

/// The tutorial end to end, in process: the three ways to fire, as the seed does them, in order.
@Suite struct SeedScenarioEngineTests {
    @Test func theTutorialFlipsEveryFlagThreeWays() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let members = seed.members
        #expect(try fixture.flags(members).values.allSatisfy { $0 == "False" })

        // 1. Automation Studio: Run Once.
        let run = try workspace.runOnce(seed.automation.id)
        #expect(run.status == .running)
        await fixture.engine.settle()
        #expect(
            try fixture.flags(members) == ["susan@sausage.com": "True", "sam@sausage.com": "True", "sally@sausage.com": "True"])
        let finished = try #require(try workspace.runs(of: seed.automation.id).first)
        #expect(finished.status == .complete)
        #expect(finished.endedAt != nil)
        let activity = try #require(finished.activities.first)
        #expect((activity.status, activity.rowsRead, activity.contactsEntered, activity.contactsSkipped) == (.complete, 3, 3, 0))
        #expect(try workspace.automation(named: seed.automation.key).status == .pausedSchedule)
        let entries = try workspace.entries(of: try #require(activity.eventInstanceID))
        #expect(entries.map(\.outcome) == [.entered, .entered, .entered])
        #expect(entries.allSatisfy { $0.exitedAt != nil && $0.versionID == seed.journey.versions[0].id })

        // Run Once again: everyone is True now, so the filter keeps them all out.
        try workspace.runOnce(seed.automation.id)
        await fixture.engine.settle()
        let second = try #require(try workspace.runs(of: seed.automation.id).last?.activities.first)
        #expect((second.rowsRead, second.contactsEntered, second.contactsSkipped) == (3, 0, 3))
        #expect(second.skipped.filterNotMet == 3)
        #expect(try workspace.journal(last: 1)[0].sentence.contains("3 skipped (3 filter not met)"))

        // 2. contactEvents: a fourth member, top-level contactKey; a fifth, ContactKey inside the data.
        try workspace.addRecord(
            to: .id(members.id),
            values: ["EmailAddress": "sid@sausage.com", "MemberID": "4", "FirstName": "Sid", "LastName": "Sausage"])
        let fired = try await workspace.fireContactEvent(
            ContactEventRequest(
                eventKey: seed.trigger.key, contact: .key("sid@sausage.com"),
                data: [
                    ContactEventData(
                        externalKey: seed.eventData.externalKey, name: "Member Preferences",
                        items: [[NameValue("Preference", "frankfurter")]])
                ]))
        await fixture.engine.settle()
        #expect(try fixture.flags(members)["sid@sausage.com"] == "True")
        #expect(try fixture.record(members, email: "sid@sausage.com")["eventinstanceid"] == fired.instanceID.storageText)
        let eventRow = try workspace.record(in: .id(seed.eventData.id), rowID: try #require(fired.writtenRow?.rowID))
            .texts(in: seed.eventData)
        #expect(eventRow["EventInstanceID"] == fired.instanceID.storageText)
        #expect(eventRow["ParentEventInstanceID"] == fired.instanceID.storageText)
        #expect(eventRow["ContactKey"] == "sid@sausage.com")
        #expect(eventRow["Preference"] == "frankfurter")
        #expect(try workspace.eventInstance(fired.instanceID).counts.entered == 1)

        try workspace.addRecord(
            to: .id(members.id),
            values: ["EmailAddress": "sue@sausage.com", "MemberID": "6", "FirstName": "Sue", "LastName": "Saveloy"])
        let inData = try await workspace.fireContactEvent(
            ContactEventRequest(
                eventKey: seed.trigger.key,
                data: [
                    ContactEventData(
                        externalKey: seed.eventData.externalKey, name: "Member Preferences",
                        items: [[NameValue("ContactKey", "sue@sausage.com"), NameValue("Preference", "bratwurst")]])
                ]))
        #expect(inData.contact.key == "sue@sausage.com")
        await fixture.engine.settle()
        #expect(try fixture.flags(members)["sue@sausage.com"] == "True")
        #expect(try workspace.rowCount(of: .id(seed.eventData.id)) == 2)

        // 3. events: new draft v2 with a new trigger on the member data extension; v1 stops.
        try workspace.newDraft(of: .id(seed.journey.id))
        let trigger2 = try workspace.setTrigger(
            of: .id(seed.journey.id), name: "Members via API", dataExtension: .id(members.id),
            filter: .compare(field: "Updated", .equals, value: "False"))
        let journey = try workspace.activate(.id(seed.journey.id))
        #expect(journey.versions.map(\.status) == [.stopped, .published])

        let saskia = try await workspace.fireAPIEvent(
            key: trigger2.key, contact: .key("saskia@sausage.com"),
            data: ["EmailAddress": "saskia@sausage.com", "MemberID": "5", "FirstName": "Saskia", "LastName": "Sausage"])
        #expect(saskia.writtenRow?.dataExtensionID == members.id)
        // The row is there as soon as the call returns; the engine may already have flipped its flag.
        #expect(try fixture.record(members, email: "saskia@sausage.com")["FirstName"] == "Saskia")
        await fixture.engine.settle()
        let saskiaRow = try fixture.record(members, email: "saskia@sausage.com")
        #expect(saskiaRow["Updated"] == "True")
        #expect(saskiaRow["FirstName"] == "Saskia" && saskiaRow["MemberID"] == "5")
        #expect(saskiaRow["eventinstanceid"] == saskia.instanceID.storageText)

        #expect(throws: FireEventError.missingRequiredFields(["emailaddress"])) {
            try workspace.fireAPIEvent(
                key: trigger2.key, contact: .key("sven@sausage.com"), data: ["MemberID": "7", "FirstName": "Sven"])
        }
        #expect(try fixture.record(members, email: "sven@sausage.com").isEmpty)

        // An existing contact enters, and the data sent does not change its row.
        try workspace.addRecord(
            to: .id(members.id),
            values: ["EmailAddress": "stan@sausage.com", "MemberID": "8", "FirstName": "Stan", "LastName": "Sausage"])
        let before = try fixture.record(members, email: "stan@sausage.com")
        let stan = try await workspace.fireAPIEvent(
            key: trigger2.key, contact: .key("stan@sausage.com"),
            data: ["EmailAddress": "stan@sausage.com", "MemberID": "99", "FirstName": "Changed", "LastName": "Changed"])
        #expect(stan.writtenRow == nil)
        await fixture.engine.settle()
        var expected = before
        expected["Updated"] = "True"
        #expect(try fixture.record(members, email: "stan@sausage.com") == expected)
        #expect(try workspace.entries(of: stan.instanceID).map(\.outcome) == [.entered])
        #expect(try workspace.rowCount(of: .id(members.id)) == 7)
        #expect(try workspace.integrityCheck() == ["ok"])
    }
}

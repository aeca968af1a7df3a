import Foundation
import Synchronization
import Testing

@testable import LabModel

/// Waits, versions draining, pace, batches and the change feed.
@Suite struct EnginePaceTests {
    @Test func aWaitKeepsTheOldVersionFinishingUntilItsContactLeaves() async throws {
        let fixture = try EngineFixture(manualClock: true, settings: EngineSettings(timeWarp: 24))
        let workspace = fixture.workspace
        let (members, trigger, journey) = try fixture.slowJourney()
        let v1 = try workspace.activate(.id(journey.id)).versions[0]

        try await workspace.fireAPIEvent(
            key: trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        #expect(try workspace.contactsInside(version: v1.id) == 1)

        try workspace.newDraft(of: .id(journey.id))
        #expect(try workspace.activate(.id(journey.id)).versions.map(\.status) == [.unpublished, .published])
        #expect(try workspace.journal(last: 1)[0].sentence.contains("v1 is finishing: 1 contact(s) inside"))

        // A day warped 24 times is an hour on the engine's clock.
        await fixture.pass(59 * 60)
        #expect(try fixture.flags(members)["sam@sausage.com"] == "False")
        #expect(try workspace.journey(.id(journey.id)).versions[0].status == .unpublished)
        await fixture.pass(2 * 60)
        #expect(try fixture.flags(members)["sam@sausage.com"] == "True")
        #expect(try workspace.contactsInside(version: v1.id) == 0)
        #expect(try workspace.journey(.id(journey.id)).versions.map(\.status) == [.stopped, .published])
        let sentences = try workspace.journal(last: 4).map(\.sentence)
        #expect(sentences.contains("Slow v1, Update Updated: Members.Updated for sam@sausage.com: False → True."))
        #expect(sentences.contains("Slow v1 stopped: its last contact left."))
    }

    @Test func steppedPaceTakesOneStageAtATime() async throws {
        let fixture = try EngineFixture(settings: EngineSettings(pace: .stepped))
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let fired = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        #expect(try workspace.eventInstance(fired.instanceID).status == .queued)

        fixture.engine.advance()
        await fixture.engine.settle()
        #expect(try workspace.entries(of: fired.instanceID).map(\.outcome) == [.entered])
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "False")
        #expect(try workspace.contactsInside(version: seed.journey.versions[0].id) == 1)

        fixture.engine.advance()
        await fixture.engine.settle()
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "True")
        #expect(try workspace.contactsInside(version: seed.journey.versions[0].id) == 0)
    }

    @Test func realisticPaceHearsLateAndStepsSlowly() async throws {
        let fixture = try EngineFixture(manualClock: true, settings: EngineSettings(pace: .realistic))
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let fired = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        #expect(try workspace.eventInstance(fired.instanceID).status == .queued)
        await fixture.pass(2)
        #expect(try workspace.eventInstance(fired.instanceID).status == .done)
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "False")
        await fixture.pass(0.9)
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "False")
        await fixture.pass(2.2)
        #expect(try fixture.flags(seed.members)["sam@sausage.com"] == "True")
    }

    @Test func aRunReadsItsRowsInBatchesAndTheCountsAddUp() async throws {
        let fixture = try EngineFixture(settings: EngineSettings(batchSize: 2))
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        try workspace.addRecords(
            to: .id(seed.members.id),
            rows: (4...7).map {
                ["EmailAddress": "m\($0)@sausage.com", "MemberID": "\($0)", "Updated": $0 == 5 ? "True" : "False"]
            })
        try workspace.runOnce(seed.automation.id)
        await fixture.engine.settle()
        let run = try #require(try workspace.runs(of: seed.automation.id).last)
        #expect(run.status == .complete)
        let activity = run.activities[0]
        #expect((activity.rowsRead, activity.contactsEntered, activity.contactsSkipped) == (7, 6, 1))
        #expect(activity.skipped.filterNotMet == 1)
        let batchLines = try workspace.journal(last: 10).map(\.sentence).filter { $0.contains(", batch ") }
        #expect(batchLines.count == 4)
        #expect(batchLines.last?.contains("batch 4: read 1 row of Members") == true)
        #expect(try fixture.flags(seed.members).values.allSatisfy { $0 == "True" })
    }

    @Test func anAutomationCannotRunTwiceAtOnceOrWithNothingToDo() async throws {
        let fixture = try EngineFixture(settings: EngineSettings(pace: .stepped))
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        try workspace.runOnce(seed.automation.id)
        #expect(try workspace.automation(named: seed.automation.key).status == .running)
        #expect(throws: FireEventError.automationAlreadyRunning(automation: "Fire member event")) {
            try workspace.runOnce(seed.automation.id)
        }
        let empty = try workspace.createAutomation(name: "Empty")
        #expect(throws: FireEventError.automationHasNoActivities(automation: "Empty")) { try workspace.runOnce(empty.id) }
    }

    @Test func theChangeFeedNamesRowsForSingleEventsAndDataExtensionsForRuns() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let collected = Mutex<[WorkspaceChange]>([])
        let observation = workspace.observeChanges { changes in collected.withLock { $0 += changes } }
        let fired = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        let run = try workspace.runOnce(seed.automation.id)
        await fixture.engine.settle()
        let samRow = try workspace.rows(
            of: .id(seed.members.id), matching: .compare(field: "EmailAddress", .equals, value: "sam@sausage.com")
        ).records[0].rowID
        workspace.close()

        observation.cancel()
        let seen = collected.withLock { $0 }
        #expect(seen.contains(.eventInstance(fired.instanceID)))
        #expect(seen.contains(.rows(dataExtensionID: seed.members.id, rowIDs: [samRow])))
        #expect(seen.contains(.dataExtension(seed.members.id)))
        #expect(seen.contains(.automationRun(runID: run.id, automationID: seed.automation.id)))
        #expect(seen.contains(.journey(seed.journey.id)))
        let journal = seen.compactMap { if case .journal(let entry) = $0 { entry.sentence } else { nil } }
        #expect(journal.contains { $0.hasPrefix("Fired API event Members not updated for sam@sausage.com") })
        #expect(journal.contains { $0.contains("Members.Updated for sam@sausage.com: False → True") })
        #expect(journal.last?.hasPrefix("Run of Fire member event complete") == true)
    }
}

@Suite struct EngineFailureTests {
    @Test func aRunWhoseSourceLostItsContactsEndsInErrorWithTheReason() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let members = try fixture.temp.members()
        let group = try workspace.createAttributeGroup(name: "Club")
        try workspace.linkDataExtension(.id(members.id), to: group.id, contactKeyField: "EmailAddress", asRoot: true)
        let journey = try workspace.createJourney(name: "Orphaned")
        try workspace.setTrigger(of: .id(journey.id), name: "Root entry", dataExtension: .id(members.id))
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(members.id), field: "Updated", value: "True")
        try workspace.activate(.id(journey.id))
        let automation = try workspace.createAutomation(name: "Fire orphans")
        try workspace.addFireEventActivity(to: automation.id, dataExtension: .id(members.id))
        // Not sendable and no longer linked: nothing says which field holds contact keys.
        try workspace.unlinkDataExtension(.id(members.id), from: group.id)

        try workspace.runOnce(automation.id)
        await fixture.engine.settle()
        let run = try #require(try workspace.runs(of: automation.id).first)
        #expect(run.status == .error)
        #expect(run.message?.contains("Members has no field that holds contact keys") == true)
        #expect(run.activities[0].status == .error)
        #expect(try workspace.automation(named: "Fire orphans").status == .pausedSchedule)
        #expect(try workspace.journal(last: 1)[0].sentence.hasPrefix("Run of Fire orphans failed: Members has no field"))
        #expect(try fixture.flags(members).values.allSatisfy { $0 == "False" })

        // The engine moved on: the next event is handled.
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        try workspace.runOnce(automation.id)
        await fixture.engine.settle()
        #expect(try workspace.runs(of: automation.id).last?.status == .complete)
        #expect(try fixture.flags(members).values.allSatisfy { $0 == "True" })
    }

    @Test func theCallersDataKeyIsJournaled() async throws {
        let fixture = try EngineFixture()
        let seed = try SeedScenario.configure(fixture.workspace)
        try await fixture.workspace.fireContactEvent(
            ContactEventRequest(
                eventKey: seed.trigger.key, contact: .key("sam@sausage.com"),
                data: [ContactEventData(name: "Member Preferences", key: "pref-42", items: [[NameValue("Preference", "x")]])]))
        // The engine may already have journaled the entry after it.
        #expect(
            try fixture.workspace.journal(last: 5).contains {
                $0.sentence.hasPrefix("Fired event")
                    && $0.sentence.contains("1 row added to Member Preferences, data key pref-42")
            })
    }
}

extension EngineFailureTests {
    @Test func aWaitSaysUntilWhen() async throws {
        let fixture = try EngineFixture(manualClock: true)
        let workspace = fixture.workspace
        let members = try fixture.temp.members()
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        let journey = try workspace.createJourney(name: "Pause")
        let trigger = try workspace.setTrigger(of: .id(journey.id), name: "Pause entry", dataExtension: .id(members.id))
        let wait = try workspace.addWaitActivity(to: .id(journey.id), duration: 1, unit: .days)
        #expect(wait.name == "1 day")
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(members.id), field: "Updated", value: "True")
        try workspace.activate(.id(journey.id))
        try await workspace.fireAPIEvent(
            key: trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        let until = fixture.clock!.now.addingTimeInterval(86_400)
        let expected = until.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
        #expect(try workspace.journal(last: 1)[0].sentence == "Pause v1, 1 day: sam@sausage.com waiting until \(expected) UTC.")
        #expect(expected == "2027-01-16T08:00:00")
    }
}

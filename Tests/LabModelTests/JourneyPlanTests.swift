import Foundation
import Testing

@testable import LabModel

/// Journeys written whole (what the REST API's POST and PUT do), and stopping a version.
@Suite struct JourneyPlanTests {
    static func plan(_ seed: SeedScenario.Configured, filter: String = "Updated is False") throws -> JourneyVersionPlan {
        JourneyVersionPlan(
            name: "Wait then mark", entryMode: .reEntryAnytime,
            trigger: TriggerPlan(
                eventDefinition: .key(seed.trigger.key.lowercased()), filter: try CriteriaTextSyntax.parse(filter)),
            activities: [
                ActivityPlan(.wait(duration: 1, unit: .days)),
                ActivityPlan(.updateContactData(dataExtension: .id(seed.members.id), field: .name("updated"), value: "true")),
            ])
    }

    @Test func aPlanIsCheckedAsTheOneStepEditsAreAndWrittenAllOrNothing() throws {
        let temp = try TemporaryWorkspace()
        let seed = try SeedScenario.configure(temp.workspace)
        let workspace = temp.workspace
        let journey = try workspace.createJourney(key: "wait-then-mark", plan: try Self.plan(seed))
        let version = journey.versions[0]
        #expect(version.status == .draft && version.entryMode == .reEntryAnytime && version.trigger?.id == seed.trigger.id)
        #expect(version.activities.map(\.key) == ["WAITBYDURATION-1", "UPDATECONTACTDATAV2-2"])
        #expect(version.activities.map(\.name) == ["1 day", "Update Updated"])

        var bad = try Self.plan(seed)
        bad.activities.append(
            ActivityPlan(.updateContactData(dataExtension: .id(seed.members.id), field: .name("Nope"), value: "x")))
        #expect(throws: DefinitionError.fieldNotFound(dataExtension: "Members", field: "Nope")) {
            try workspace.writeVersion(1, of: .id(journey.id), plan: bad, expectedModifiedAt: nil)
        }
        bad = try Self.plan(seed)
        bad.activities.append(ActivityPlan(key: "WAITBYDURATION-1", .wait(duration: 2, unit: .hours)))
        #expect(throws: ContactModelError.duplicateKey(kind: "activity of this version", key: "WAITBYDURATION-1")) {
            try workspace.writeVersion(1, of: .id(journey.id), plan: bad, expectedModifiedAt: nil)
        }
        // The seed's running journey listens to the same definition: its filter stays.
        #expect(throws: ContactModelError.eventFilterInUse(key: seed.trigger.key, journey: seed.journey.name, version: 1)) {
            try workspace.writeVersion(
                1, of: .id(journey.id), plan: try Self.plan(seed, filter: "Updated is True"), expectedModifiedAt: nil)
        }
        #expect(try workspace.journey(.id(journey.id)) == journey)
        #expect(try workspace.eventDefinition(key: seed.trigger.key).filter == seed.trigger.filter)

        #expect(throws: ContactModelError.journeyChangedSinceRead(journey: journey.name, modifiedAt: journey.modifiedAt)) {
            try workspace.writeVersion(
                1, of: .id(journey.id), plan: try Self.plan(seed), expectedModifiedAt: journey.modifiedAt.addingTimeInterval(-1))
        }
        let rewritten = try workspace.writeVersion(
            1, of: .id(journey.id), plan: JourneyVersionPlan(name: "Empty now"), expectedModifiedAt: journey.modifiedAt)
        #expect(rewritten.name == "Empty now" && rewritten.versions[0].activities.isEmpty && rewritten.versions[0].trigger == nil)
        #expect(rewritten.versions[0].entryMode == .noReEntry)
    }

    @Test func stoppingAVersionLetsTheWaitingContactsGoAndTheyAreNotUpdated() async throws {
        let fixture = try EngineFixture(manualClock: true)
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        // v2 of the seed's journey waits a day before marking.
        let journey = JourneyReference.id(seed.journey.id)
        try workspace.writeVersion(2, of: journey, plan: try Self.plan(seed), expectedModifiedAt: nil)
        try workspace.activate(journey)
        try workspace.runOnce(seed.automation.id)
        await fixture.engine.settle()
        let v2 = try #require(try workspace.journey(journey).versions.last)
        #expect(try workspace.contactsInside(version: v2.id) == 3)

        #expect(throws: ContactModelError.cannotStop(version: 1, status: "Stopped")) { try workspace.stop(journey, version: 1) }
        let stopped = try workspace.stop(journey, version: 2)
        #expect(stopped.versions.map(\.status) == [.stopped, .stopped])
        #expect(try workspace.contactsInside(version: v2.id) == 0)
        let lines = try workspace.journal(last: 5).map(\.sentence)
        #expect(lines.contains("Stopped Wait then mark v2: 3 contacts inside left the journey."), "\(lines)")
        await fixture.pass(2 * 86_400)
        #expect(try fixture.flags(seed.members).values.allSatisfy { $0 == "False" })
    }
}

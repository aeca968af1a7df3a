import Foundation
import Testing

@testable import LabModel

/// Entry rules: filter first, then the entry mode; only published versions take entries.
@Suite struct EntryRuleTests {
    /// A members journey with no filter, an optional wait, and Update Contact Data `Updated = True`.
    private func journey(
        _ fixture: EngineFixture, mode: EntryMode, waitDays: Int? = nil, filter: Filter? = nil
    ) throws -> (members: DataExtension, trigger: EventDefinition, journey: Journey) {
        let workspace = fixture.workspace
        let members = try fixture.temp.members()
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        let journey = try workspace.createJourney(name: "Entry \(mode.rawValue)")
        let trigger = try workspace.setTrigger(
            of: .id(journey.id), name: "API entry", type: .apiEvent, dataExtension: .id(members.id), filter: filter)
        if let waitDays { try workspace.addWaitActivity(to: .id(journey.id), duration: waitDays, unit: .days) }
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(members.id), field: "Updated", value: "True")
        try workspace.setEntryMode(mode, of: .id(journey.id))
        return (members, trigger, try workspace.activate(.id(journey.id)))
    }

    private func fire(_ fixture: EngineFixture, _ trigger: EventDefinition, _ email: String = "susan@sausage.com") async throws
        -> EntryOutcome
    {
        let fired = try await fixture.workspace.fireAPIEvent(
            key: trigger.key, contact: .key(email), data: ["EmailAddress": email])
        await fixture.engine.settle()
        return try #require(try fixture.workspace.entries(of: fired.instanceID).first).outcome
    }

    @Test func noReEntryLetsAContactInOnceEver() async throws {
        let fixture = try EngineFixture()
        let (_, trigger, _) = try journey(fixture, mode: .noReEntry)
        #expect(try await fire(fixture, trigger) == .entered)
        #expect(try await fire(fixture, trigger) == .alreadyInJourney)
        #expect(try await fire(fixture, trigger, "sam@sausage.com") == .entered)
    }

    @Test func noReEntryHoldsAcrossVersions() async throws {
        let fixture = try EngineFixture()
        let (_, trigger, journey) = try journey(fixture, mode: .noReEntry)
        #expect(try await fire(fixture, trigger) == .entered)
        try fixture.workspace.newDraft(of: .id(journey.id))
        try fixture.workspace.activate(.id(journey.id))
        // v2 kept v1's trigger: the key now reaches v2, which susan may not enter.
        #expect(try await fire(fixture, trigger) == .alreadyInJourney)
        #expect(try await fire(fixture, trigger, "sam@sausage.com") == .entered)
    }

    @Test func reEntryAfterExitWaitsUntilTheContactLeaves() async throws {
        let fixture = try EngineFixture(manualClock: true)
        let (members, trigger, journey) = try journey(fixture, mode: .reEntryAfterExit, waitDays: 1)
        #expect(try await fire(fixture, trigger) == .entered)
        #expect(try fixture.workspace.contactsInside(version: journey.versions[0].id) == 1)
        #expect(try await fire(fixture, trigger) == .alreadyInJourney)
        await fixture.pass(86_400)
        #expect(try fixture.flags(members)["susan@sausage.com"] == "True")
        #expect(try fixture.workspace.contactsInside(version: journey.versions[0].id) == 0)
        #expect(try await fire(fixture, trigger) == .entered)
    }

    @Test func reEntryAnytimeLetsAContactInWhileInside() async throws {
        let fixture = try EngineFixture(manualClock: true)
        let (_, trigger, journey) = try journey(fixture, mode: .reEntryAnytime, waitDays: 1)
        #expect(try await fire(fixture, trigger) == .entered)
        #expect(try await fire(fixture, trigger) == .entered)
        #expect(try fixture.workspace.contactsInside(version: journey.versions[0].id) == 2)
    }

    @Test func theFilterIsCheckedBeforeTheEntryMode() async throws {
        let fixture = try EngineFixture()
        let (_, trigger, _) = try journey(fixture, mode: .noReEntry, filter: .compare(field: "MemberID", .less, value: "3"))
        #expect(try await fire(fixture, trigger) == .entered)  // MemberID 1
        // Now the flag is True but the filter is on MemberID: the entry mode is what keeps her out.
        #expect(try await fire(fixture, trigger) == .alreadyInJourney)
        // Sally is MemberID 3: the filter decides first, even though she never entered.
        #expect(try await fire(fixture, trigger, "sally@sausage.com") == .filterNotMet)
    }

    /// An entry filter as large as the parsers accept decides entries: what is written runs.
    @Test func theLargestEntryFilterAcceptedDecides() async throws {
        let fixture = try EngineFixture()
        let filter = try CriteriaTextSyntax.parse(
            (4...1_002).map { "MemberID equals \($0)" }.joined(separator: " OR ") + " OR MemberID less 2")
        let (_, trigger, _) = try journey(fixture, mode: .reEntryAnytime, filter: filter)
        #expect(try await fire(fixture, trigger) == .entered)  // MemberID 1
        #expect(try await fire(fixture, trigger, "sam@sausage.com") == .filterNotMet)  // MemberID 2
    }

    @Test func filtersReadAttributesOfOtherLinkedDataExtensions() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let loyalty = try workspace.createDataExtension(
            DataExtensionDraft(
                name: "Loyalty",
                fields: [Field(name: "Email", type: .emailAddress, isPrimaryKey: true), Field(name: "Tier", type: .text)]))
        try workspace.addRecords(to: .id(loyalty.id), rows: [["Email": "sam@sausage.com", "Tier": "Gold"]])
        try workspace.linkDataExtension(.id(loyalty.id), to: seed.group.id, contactKeyField: "Email")
        try workspace.newDraft(of: .id(seed.journey.id))
        let gold = try workspace.setTrigger(
            of: .id(seed.journey.id), name: "Gold members", dataExtension: .id(seed.members.id),
            filter: .all([
                .compare(field: "Updated", .equals, value: "False"),
                .compare(field: "Loyalty.Tier", .equals, value: "gold"),
            ]))
        try workspace.activate(.id(seed.journey.id))
        try workspace.runOnce(seed.automation.id)
        await fixture.engine.settle()
        #expect(
            try fixture.flags(seed.members) == [
                "susan@sausage.com": "False", "sam@sausage.com": "True", "sally@sausage.com": "False",
            ])
        let run = try #require(try workspace.runs(of: seed.automation.id).last?.activities.first)
        #expect((run.contactsEntered, run.skipped.filterNotMet) == (1, 2))
        _ = gold
    }

    @Test func aJourneyWithNoPublishedVersionRecordsTheEventAndAdmitsNobody() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let members = try fixture.temp.members()
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        let draft = try workspace.createJourney(name: "Never published")
        let trigger = try workspace.setTrigger(of: .id(draft.id), name: "Draft trigger", dataExtension: .id(members.id))
        let fired = try await workspace.fireAPIEvent(
            key: trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        let entries = try workspace.entries(of: fired.instanceID)
        #expect(entries.map(\.outcome) == [.noRunningVersion])
        #expect(entries[0].journeyID == draft.id)
        let event = try workspace.eventInstance(fired.instanceID)
        #expect(event.status == .done && event.counts.noRunningVersion == 1)
        #expect(try fixture.flags(members)["sam@sausage.com"] == "False")
        #expect(try workspace.journal(last: 1)[0].sentence.contains("skipped Never published (no running version)"))
    }

    @Test func unknownKeysAndDraftEventsAreRefusedAndWriteNothing() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let journalBefore = try workspace.journal(last: 1)
        #expect(throws: FireEventError.unknownEventKey("APIEvent-nope")) {
            try workspace.fireAPIEvent(key: "APIEvent-nope", contact: .key("sam@sausage.com"), data: [:])
        }
        #expect(throws: FireEventError.unknownEventKey("CONTACT-EVENT-nope")) {
            try workspace.fireContactEvent(ContactEventRequest(eventKey: "CONTACT-EVENT-nope", contact: .key("sam@sausage.com")))
        }
        let draftEvent = try workspace.createContactEvent(
            name: "Drafty", eventKey: "DRAFT-KEY", destinationGroupID: seed.group.id)
        #expect(throws: FireEventError.eventNotStarted(event: "Drafty", key: "DRAFT-KEY")) {
            try workspace.fireContactEvent(ContactEventRequest(eventKey: "DRAFT-KEY", contact: .key("sam@sausage.com")))
        }
        _ = draftEvent
        #expect(try workspace.journal(last: 1)[0].sentence.hasPrefix("Created event Drafty"))
        #expect(journalBefore.count == 1)
    }

    @Test func contactEventDataMustAddressTheEventDataExtension() throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let key = seed.trigger.key
        func fire(_ data: ContactEventData, contact: ContactReference? = .key("sam@sausage.com")) throws {
            try workspace.fireContactEvent(ContactEventRequest(eventKey: key, contact: contact, data: [data]))
        }
        let items = [[NameValue("Preference", "frankfurter")]]
        #expect(throws: FireEventError.dataNameMissing(index: 0)) { try fire(ContactEventData(name: nil, items: items)) }
        #expect(
            throws: FireEventError.dataNamesDifferentDataExtensions(
                externalKey: seed.members.externalKey, name: "Member Preferences")
        ) {
            try fire(ContactEventData(externalKey: seed.members.externalKey, name: "Member Preferences", items: items))
        }
        #expect(throws: FireEventError.dataNotForEvent(dataExtension: "Members", eventDataExtension: "Member Preferences")) {
            try fire(ContactEventData(name: "Members", items: items))
        }
        #expect(throws: FireEventError.dataExtensionNotFound(.name("Nope"))) {
            try fire(ContactEventData(name: "Nope", items: items))
        }
        #expect(throws: FireEventError.contactMissing) {
            try fire(ContactEventData(name: "Member Preferences", items: items), contact: nil)
        }
        #expect(throws: FireEventError.conflictingContactKeys("sam@sausage.com", "sally@sausage.com")) {
            try fire(ContactEventData(name: "Member Preferences", items: [[NameValue("ContactKey", "sally@sausage.com")]]))
        }
        #expect(throws: FireEventError.contactNotFound(.id(999))) {
            try fire(ContactEventData(name: "Member Preferences", items: items), contact: .id(999))
        }
        #expect(throws: FireEventError.self) {
            try fire(
                ContactEventData(
                    name: "Member Preferences", items: [[NameValue("Preference", String(repeating: "x", count: 101))]]))
        }
        #expect(try workspace.rowCount(of: .id(seed.eventData.id)) == 0)
        // By contact ID works, and the caller's EventInstanceID is ignored.
        let sam = try workspace.contact(.key("sam@sausage.com"))
        let fired = try workspace.fireContactEvent(
            ContactEventRequest(
                eventKey: key, contact: .id(sam.id),
                data: [
                    ContactEventData(
                        name: "member preferences",
                        items: [[NameValue("EventInstanceID", "mine"), NameValue("Preference", "saveloy")]])
                ]))
        let row = try workspace.record(in: .id(seed.eventData.id), rowID: try #require(fired.writtenRow?.rowID)).texts(
            in: seed.eventData)
        #expect(row["EventInstanceID"] == fired.instanceID.storageText)
        #expect(row["ContactKey"] == "sam@sausage.com")
    }

    @Test func apiEventDataIsCheckedFieldByField() throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let key = seed.trigger.key
        #expect(throws: FireEventError.invalidValue(field: "MemberID", value: "five", problem: .notAWholeNumber)) {
            try workspace.fireAPIEvent(
                key: key, contact: .key("x@sausage.com"), data: ["EmailAddress": "x@sausage.com", "MemberID": "five"])
        }
        #expect(throws: FireEventError.unknownField(dataExtension: "Members", field: "Shoe")) {
            try workspace.fireAPIEvent(
                key: key, contact: .key("x@sausage.com"), data: ["EmailAddress": "x@sausage.com", "Shoe": "42"])
        }
        #expect(throws: FireEventError.contactNotFound(.id(12345))) {
            try workspace.fireAPIEvent(key: key, contact: .id(12345), data: ["EmailAddress": "x@sausage.com"])
        }
        #expect(
            FireEventError.missingRequiredFields(["emailaddress"]).description
                == "Required Event Data fields are missing: emailaddress")
        // The reserved eventInstanceId is ignored rather than refused.
        let fired = try workspace.fireAPIEvent(
            key: key, contact: .key("x@sausage.com"), data: ["EmailAddress": "x@sausage.com", "eventInstanceId": "mine"])
        #expect(fired.writtenRow != nil)
        #expect(try workspace.rowCount(of: .id(seed.members.id)) == 4)
    }
}

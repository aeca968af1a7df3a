import Foundation
import Testing

@testable import LabModel

@Suite struct ContactModelTests {
    @Test func theSeedConfigurationReadsBackFieldByField() throws {
        let temp = try TemporaryWorkspace()
        let seed = try SeedScenario.configure(temp.workspace)
        let workspace = temp.workspace

        let members = try workspace.dataExtension(.name("Members"))
        #expect(members.sendableField?.name == "EmailAddress")
        #expect(
            members.fields.map(\.name) == ["EmailAddress", "MemberID", "FirstName", "LastName", "Updated", "eventinstanceid"])
        let instanceField = try #require(members.field(named: "eventinstanceid"))
        #expect(instanceField.isSystem && !instanceField.isRequired && instanceField.length == 36)

        let group = try #require(try workspace.attributeGroups().first)
        #expect(group.name == "Sausage Club")
        #expect(group.icon == "users")
        #expect(group.links.count == 2)
        #expect(
            group.rootLink
                == AttributeGroupLink(
                    dataExtensionID: members.id, contactKeyFieldID: members.field(named: "EmailAddress")!.id, cardinality: .one,
                    isRoot: true))
        let eventLink = group.links[1]
        #expect(eventLink.dataExtensionID == seed.eventData.id)
        #expect(eventLink.cardinality == .many && !eventLink.isRoot)
        #expect(eventLink.contactKeyFieldID == seed.eventData.field(named: "ContactKey")!.id)

        let journey = try workspace.journey(.key("member-updates"))
        #expect(journey.name == "Member Updates")
        #expect(journey.versions.count == 1)
        let version = try #require(journey.publishedVersion)
        #expect(version.number == 1)
        #expect(version.status == .published)
        #expect(version.entryMode == .noReEntry)
        let trigger = try #require(version.trigger)
        #expect(trigger.key.hasPrefix("CONTACT-EVENT-"))
        #expect(UUID(uuidString: String(trigger.key.dropFirst("CONTACT-EVENT-".count))) != nil)
        #expect(trigger.type == .contactEvent)
        #expect(trigger.dataExtensionID == members.id)
        #expect(trigger.filter?.description == "Updated is False")
        #expect(try workspace.eventDefinition(key: trigger.key.lowercased()) == trigger)
        #expect(version.activities.count == 1)
        #expect(version.activities[0].key == "UPDATECONTACTDATAV2-1")
        #expect(version.activities[0].type == "UPDATECONTACTDATA")
        #expect(
            version.activities[0].kind
                == .updateContactData(
                    dataExtensionID: members.id, fieldID: members.field(named: "Updated")!.id, value: .boolean(true)))

        let automation = try workspace.automation(named: "Fire member event")
        #expect(automation.type == "scheduled")
        #expect(automation.status == .pausedSchedule && automation.status.id == 4)
        #expect(automation.steps.map(\.number) == [1])
        #expect(automation.steps[0].activities.map(\.objectTypeID) == [749])
        #expect(automation.steps[0].activities[0].dataExtensionID == members.id)
        #expect(try workspace.runs(of: automation.id).isEmpty)

        let event = try workspace.contactEvent(seed.event.id)
        #expect(event.name == "Member Preferences")
        #expect(event.eventKey == trigger.key)
        #expect(event.destinationGroupID == group.id)
        #expect(event.state == .running)
        let eventData = try workspace.dataExtension(.id(try #require(event.dataExtensionID)))
        #expect(eventData.fields.map(\.name) == ["EventInstanceID", "ParentEventInstanceID", "ContactKey", "Preference"])
        #expect(eventData.fields.map(\.typeDescription) == ["Text(36)", "Text(36)", "Text(254)", "Text(100)"])
        #expect(eventData.fields.map(\.isSystem) == [true, true, true, false])
        #expect(eventData.primaryKey.map(\.name) == ["EventInstanceID"])

        let app = try #require(try workspace.app(clientID: seed.app.clientID))
        #expect(app.name == "JourneyLab Tutorial")
        #expect(app.account == "Production")
        #expect(app.clientSecret.count >= 24)
        #expect(app.permissions == AppPermission.tutorial)
        #expect(app.scopes == [.dataExtensionsRead, .dataExtensionsWrite, .journeysExecute, .journeysRead, .journeysWrite])

        let sentences = try workspace.journal().map(\.sentence)
        #expect(sentences.contains("Activated Member Updates v1: it is running."))
        #expect(sentences.contains("Started event Member Preferences: Members now has an eventinstanceid field."))
    }

    @Test func contactsAreCreatedForEveryKeyInARootDataExtension() throws {
        let temp = try TemporaryWorkspace()
        try SeedScenario.configure(temp.workspace)
        let workspace = temp.workspace
        #expect(try workspace.contacts().map(\.key) == ["susan@sausage.com", "sam@sausage.com", "sally@sausage.com"])
        try workspace.addRecord(to: .name("Members"), values: ["EmailAddress": "saskia@sausage.com"])
        let saskia = try workspace.contact(.key("SASKIA@sausage.com"))
        #expect(saskia.key == "saskia@sausage.com")
        #expect(try workspace.contact(.id(saskia.id)) == saskia)
        #expect(throws: ContactModelError.notFound(kind: "contact", reference: "contact key nobody@x.com")) {
            try workspace.contact(.key("nobody@x.com"))
        }
    }

    @Test func newDraftCopiesTheNewestVersionAndActivationRetiresTheRunningOne() throws {
        let temp = try TemporaryWorkspace()
        let seed = try SeedScenario.configure(temp.workspace)
        let workspace = temp.workspace
        let journey = JourneyReference.id(seed.journey.id)
        #expect(throws: ContactModelError.versionNotEditable(version: 1, status: "Published")) {
            try workspace.addWaitActivity(to: journey, duration: 1, unit: .days)
        }
        let draft = try workspace.newDraft(of: journey)
        #expect(draft.number == 2)
        #expect(draft.status == .draft)
        #expect(draft.trigger == seed.trigger)
        #expect(draft.activities.map(\.kind) == seed.journey.versions[0].activities.map(\.kind))
        #expect(draft.activities.map(\.id) != seed.journey.versions[0].activities.map(\.id))
        #expect(throws: ContactModelError.alreadyDraft(version: 2)) { try workspace.newDraft(of: journey) }

        let apiTrigger = try workspace.setTrigger(
            of: journey, name: "Members by API", type: .apiEvent, dataExtension: .name("Members"),
            filter: try CriteriaTextSyntax.parse("Updated is False"))
        #expect(apiTrigger.key.hasPrefix("APIEvent-"))
        try workspace.setEntryMode(.reEntryAnytime, of: journey)
        let activated = try workspace.activate(journey)
        // Nobody was inside v1, so it stops at once instead of finishing.
        #expect(activated.versions.map(\.status) == [.stopped, .published])
        #expect(activated.publishedVersion?.trigger?.key == apiTrigger.key)
        #expect(activated.publishedVersion?.entryMode == .reEntryAnytime)
        #expect(activated.versions[0].trigger == seed.trigger)
    }

    @Test func anEventSourceMustBeSendableOrARoot() throws {
        let temp = try TemporaryWorkspace()
        let workspace = temp.workspace
        let members = try temp.members()
        let journey = try workspace.createJourney(name: "J")
        let before = try workspace.journal()
        #expect(throws: ContactModelError.eventSourceNotSendable(dataExtension: "Members")) {
            try workspace.setTrigger(of: .id(journey.id), name: "T", dataExtension: .id(members.id))
        }
        #expect(try workspace.journal() == before)
        #expect(try workspace.eventDefinitions().isEmpty)
        // Linking it as an attribute group's root is enough, as the tutorial's note explains.
        let group = try workspace.createAttributeGroup(name: "G")
        try workspace.linkDataExtension(.id(members.id), to: group.id, contactKeyField: "EmailAddress", asRoot: true)
        let trigger = try workspace.setTrigger(of: .id(journey.id), name: "T", dataExtension: .id(members.id))
        #expect(trigger.filter == nil)
    }

    @Test func invalidConfigurationsAreTypedErrorsAndWriteNothing() throws {
        let temp = try TemporaryWorkspace()
        let seed = try SeedScenario.configure(temp.workspace)
        let workspace = temp.workspace
        let journey = JourneyReference.id(try workspace.createJourney(name: "Second", key: "second").id)
        let other = try workspace.createDataExtension(
            DataExtensionDraft(name: "Other", fields: [Field(name: "Key", type: .text), Field(name: "Count", type: .number)]))
        let before = try workspace.journal()

        #expect(throws: ContactModelError.unknownAttribute("Shoe")) {
            try workspace.setTrigger(
                of: journey, name: "T", dataExtension: .name("Members"), filter: .compare(field: "Shoe", .equals, value: "x"))
        }
        #expect(
            throws: ContactModelError.filterValueWrongType(attribute: "Members.Updated", value: "Maybe", problem: .notABoolean)
        ) {
            try workspace.setTrigger(
                of: journey, name: "T", dataExtension: .name("Members"),
                filter: .compare(field: "Members.Updated", .equals, value: "Maybe"))
        }
        #expect(throws: ContactModelError.activityValueWrongType(field: "MemberID", value: "five", problem: .notAWholeNumber)) {
            try workspace.addUpdateContactActivity(to: journey, dataExtension: .name("Members"), field: "MemberID", value: "five")
        }
        #expect(throws: ContactModelError.systemFieldNotUpdatable(field: "eventinstanceid")) {
            try workspace.addUpdateContactActivity(
                to: journey, dataExtension: .name("Members"), field: "eventinstanceid", value: "x")
        }
        #expect(throws: ContactModelError.duplicateKey(kind: "journey", key: "MEMBER-UPDATES")) {
            try workspace.createJourney(name: "Copy", key: "MEMBER-UPDATES")
        }
        #expect(throws: ContactModelError.duplicateKey(kind: "event definition", key: seed.trigger.key)) {
            try workspace.setTrigger(of: journey, name: "T", dataExtension: .name("Members"), key: seed.trigger.key)
        }
        #expect(throws: ContactModelError.duplicateKey(kind: "event", key: seed.trigger.key)) {
            try workspace.createContactEvent(name: "Other", eventKey: seed.trigger.key, destinationGroupID: seed.group.id)
        }
        #expect(throws: ContactModelError.duplicateKey(kind: "automation", key: "fire-member-event")) {
            try workspace.createAutomation(name: "Other automation", key: "fire-member-event")
        }
        #expect(throws: ContactModelError.noPermissions(app: "Empty")) {
            try workspace.createApp(name: "Empty", package: "p", permissions: [])
        }
        #expect(throws: ContactModelError.groupAlreadyHasRoot(group: "Sausage Club", root: "Members")) {
            try workspace.linkDataExtension(.id(other.id), to: seed.group.id, contactKeyField: "Key", asRoot: true)
        }
        #expect(throws: ContactModelError.alreadyLinked(dataExtension: "Member Preferences", group: "Sausage Club")) {
            try workspace.linkDataExtension(.id(seed.eventData.id), to: seed.group.id, contactKeyField: "ContactKey")
        }
        #expect(throws: ContactModelError.contactKeyFieldWrongType(field: "Count", type: "Number")) {
            try workspace.linkDataExtension(.id(other.id), to: seed.group.id, contactKeyField: "Count")
        }
        #expect(throws: ContactModelError.rootLinkMustBeOne) {
            try workspace.linkDataExtension(
                .id(other.id), to: seed.group.id, contactKeyField: "Key", cardinality: .many, asRoot: true)
        }
        #expect(throws: ContactModelError.fieldLinksContacts(field: "EmailAddress", group: "Sausage Club")) {
            try workspace.removeField(named: "EmailAddress", from: .name("Members"))
        }
        #expect(throws: DefinitionError.dataExtensionInUse(dataExtension: "Members", by: "trigger Members not updated")) {
            try workspace.deleteDataExtension(.name("Members"))
        }
        #expect(throws: ContactModelError.cannotActivate(reason: "version 1 has no trigger")) { try workspace.activate(journey) }
        #expect(try workspace.journal() == before)
        #expect(try workspace.apps().count == 1)
        #expect(try workspace.journey(journey).versions[0].trigger == nil)
    }

    @Test func aContactEventNeedsItsDataExtensionAndARootBeforeItStarts() throws {
        let temp = try TemporaryWorkspace()
        let workspace = temp.workspace
        let group = try workspace.createAttributeGroup(name: "Empty group")
        let event = try workspace.createContactEvent(name: "E", eventKey: "E-KEY", destinationGroupID: group.id)
        #expect(event.state == .draft)
        #expect(throws: ContactModelError.eventHasNoDataExtension(event: "E")) { try workspace.startEvent(event.id) }
        let data = try workspace.createEventDataExtension(for: event.id, name: "E data", fields: [])
        #expect(data.fields.count == 3)
        #expect(throws: ContactModelError.eventAlreadyHasDataExtension(event: "E")) {
            try workspace.createEventDataExtension(for: event.id, name: "E data 2", fields: [])
        }
        #expect(try workspace.dataExtensions().count == 1)
        #expect(throws: ContactModelError.groupHasNoRoot(group: "Empty group")) { try workspace.startEvent(event.id) }
        #expect(try workspace.contactEvent(event.id).state == .draft)
    }

    @Test func theTutorialsPermissionsAllowEveryRequestTheTutorialMakes() throws {
        let temp = try TemporaryWorkspace()
        let app = try temp.workspace.createApp(name: "Tutorial", package: "t", permissions: AppPermission.tutorial)
        for operation in [APIOperation.fireContactEvent, .fireAPIEvent, .readRows, .writeRows, .readJourneys, .writeJourneys] {
            #expect(app.allows(operation), "\(operation)")
        }
        #expect(!app.allows(.runAutomations))
        let readOnly = try temp.workspace.setPermissions(of: app.id, to: [AppPermission(.dataExtensions, .read)])
        #expect(!readOnly.allows(.fireAPIEvent))
        #expect(try temp.workspace.app(clientID: app.clientID)?.permissions == [AppPermission(.dataExtensions, .read)])
        #expect(AppPermission(parsing: "interactions execute") == AppPermission(.interactions, .execute))
        #expect(AppPermission.all.count == AppFeature.allCases.reduce(0) { $0 + $1.accessLevels.count })
    }

    @Test func filtersHaveAReadableTextForm() throws {
        let parsed = try CriteriaTextSyntax.parse(
            "Updated is False AND (MemberID greater 3 OR LastName contains 'van der') AND FirstName is not null")
        #expect(
            parsed
                == .all([
                    .compare(field: "Updated", .equals, value: "False"),
                    .any([
                        .compare(field: "MemberID", .greater, value: "3"),
                        .compare(field: "LastName", .contains, value: "van der"),
                    ]),
                    .isNotNull(field: "FirstName"),
                ]))
        #expect(
            parsed.description
                == "Updated is False AND (MemberID greater 3 OR LastName contains 'van der') AND FirstName is not null")
        #expect(try CriteriaTextSyntax.parse("Updated is not False") == .compare(field: "Updated", .notEquals, value: "False"))
        #expect(throws: FilterSyntaxError.self) { try CriteriaTextSyntax.parse("Updated False") }
        #expect(throws: FilterSyntaxError.self) { try CriteriaTextSyntax.parse("A is 1 AND B is 2 OR C is 3") }
        #expect(throws: FilterSyntaxError.self) { try CriteriaTextSyntax.parse("(A is 1") }
        #expect(EntryMode(marketingCloudName: "NotSet") == .noReEntry)
        #expect(EntryMode(marketingCloudName: "MultipleEntries") == .reEntryAnytime)
    }

    /// The entry masks the query and the headers; bodies come masked from whoever logs them,
    /// after parsing them (the emulator's `RequestLogMasking`), and are kept as given.
    @Test func theRequestLogKeepsFailuresWithTheirQueryHeadersAndClientMasked() throws {
        let temp = try TemporaryWorkspace()
        temp.workspace.logRequest(
            RequestLogEntry(
                time: Date(), method: "POST", path: "/v1/requestToken", status: 200, durationMilliseconds: 1.5,
                requestBody: #"{"clientId":"abc","clientSecret":"••••"}"#,
                responseBody: #"{"accessToken":"••••","expiresIn":3600}"#, appID: nil))
        temp.workspace.logRequest(
            RequestLogEntry(
                time: Date(), method: "POST", path: "/v2/token", query: "client%5Fsecret=hunter2&x=1",
                headers: [
                    LoggedHeader(name: "Authorization", value: "Bearer t0k3n"),
                    LoggedHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"),
                ],
                client: "127.0.0.1:53412", status: 401, durationMilliseconds: 0.7,
                requestBody: "grant_type=client_credentials&client_id=abc&client_secret=••••",
                responseBody: #"{"error":"invalid_client"}"#, appID: nil))
        let log = try temp.workspace.requestLog()
        #expect(log.map(\.status) == [200, 401])
        #expect(log[0].requestBody == #"{"clientId":"abc","clientSecret":"••••"}"#)
        #expect(log[0].query.isEmpty && log[0].headers.isEmpty && log[0].target == "/v1/requestToken")
        #expect(log[1].query == "client%5Fsecret=••••&x=1" && log[1].target == "/v2/token?client%5Fsecret=••••&x=1")
        #expect(
            log[1].headers == [
                LoggedHeader(name: "Authorization", value: "Bearer ••••"),
                LoggedHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"),
            ])
        #expect(log[1].client == "127.0.0.1:53412")
        #expect(try temp.workspace.journal().isEmpty)
    }
}

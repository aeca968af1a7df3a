import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Journeys read over HTTP as Journey Builder's API shows them.
@Suite struct JourneyRouteTests {
    @Test func theTutorialsJourneyReadsBackAsMarketingCloudShowsIt() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let seed = fixture.seed
        let reply = try await fixture.send("GET", "/interaction/v1/interactions/key:member-updates", token: token)
        #expect(reply.status == 200, "\(reply.text)")
        let journey = reply.json
        #expect(journey["id"] == .string(seed.journey.versions[0].id.uuidString.lowercased()))
        #expect(journey["version"] == .number(1) && journey["status"] == .string("Published"))
        #expect(journey["entryMode"] == .string("OnceAndDone") && journey["workflowApiVersion"] == .number(1))
        #expect(journey["lastPublishedDate"] != .string("0001-01-01T00:00:00"))
        let trigger = try #require(journey["triggers"]?.array?.first)
        #expect(trigger["metaData"]?["eventDefinitionKey"] == .string(EmulatorFixture.seedTriggerKey))
        #expect(
            trigger["configurationArguments"]?["criteria"]
                == .string(
                    #"<FilterDefinition><ConditionSet Operator="AND" ConditionSetName="Individual Filter Grouping"><Condition Key="Members.Updated" Operator="Is" UiMetaData="{}"><Value><![CDATA[false]]></Value></Condition></ConditionSet></FilterDefinition>"#
                ))
        let activity = try #require(journey["activities"]?.array?.first)
        #expect(activity["type"] == .string("UPDATECONTACTDATA") && activity["key"] == .string("UPDATECONTACTDATAV2-1"))
        let update = try #require(activity["arguments"]?["activityData"]?["updateContactFields"]?.array?.first)
        #expect(update["dataExtensionId"] == .string(seed.members.id.uuidString.lowercased()))
        #expect(update["field"] == .string(seed.members.field(named: "Updated")!.id.uuidString.lowercased()))
        #expect(update["value"] == .string("True"))
        // The field GUID is the one the customobjects route lists.
        let fields = try await fixture.send(
            "GET", "/data/v1/customobjects/\(seed.members.id.uuidString.lowercased())/fields",
            token: try await fixture.scriptToken())
        #expect(
            fields.json["fields"]?.array?.contains { $0["id"] == update["field"] && $0["name"] == .string("Updated") } == true)
    }

    @Test func everyVersionIsListedByIdAndWaitsReadBack() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let workspace = fixture.workspace
        let journeyID = fixture.seed.journey.id
        try workspace.newDraft(of: .id(journeyID))
        try workspace.addWaitActivity(to: .id(journeyID), duration: 2, unit: .days)
        let v1 = fixture.seed.journey.versions[0].id.uuidString.lowercased()
        let all = try await fixture.send("GET", "/interaction/v1/interactions?id=\(v1)", token: token)
        #expect(all.json["count"] == .number(2))
        #expect(all.json["items"]?.array?.map { $0["version"] } == [.number(1), .number(2)])
        let newest = try await fixture.send("GET", "/interaction/v1/interactions?key=member-updates", token: token)
        #expect(newest.json["count"] == .number(1))
        let draft = try #require(newest.json["items"]?.array?.first)
        #expect(draft["status"] == .string("Draft"))
        let activities = try #require(draft["activities"]?.array)
        #expect(activities[0]["outcomes"]?.array?.first?["next"] == .string("WAITBYDURATION-2"))
        #expect(activities[1]["configurationArguments"] == .object(["waitDuration": .number(2), "waitUnit": .string("DAYS")]))
        #expect(activities[1]["metaData"]?["uiType"] == .string("WAITBYDURATION"))
        let v1Again = try await fixture.send(
            "GET", "/interaction/v1/interactions/key:member-updates?versionNumber=1", token: token)
        #expect(v1Again.json["id"] == .string(v1))
        let unknown = try await fixture.send("GET", "/interaction/v1/interactions/key:nope", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.json["errorcode"] == .number(30003))
    }
}

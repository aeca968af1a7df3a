import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Batches of API events and journey membership over HTTP.
@Suite struct JourneyMemberRouteTests {
    @Test func aBatchFiresEachMemberAndAnswersInOrder() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = EmulatorFixture.seedTriggerKey
        let body = """
            {"eventDefinitionKey":"\(key)","members":[
              {"contactKey":"sam@sausage.com","data":{"EmailAddress":"sam@sausage.com"}},
              {"contactKey":"sven@sausage.com","data":{"MemberID":7}},
              {"contactKey":"sid@sausage.com","data":{"EmailAddress":"sid@sausage.com","MemberID":4}}]}
            """
        let reply = try await fixture.send("POST", "/interaction/v1/async/events", body: body, token: token)
        #expect(reply.status == 202, "\(reply.text)")
        #expect(reply.json["count"] == .number(3) && reply.json["notQueuedCount"] == .number(1))
        let members = try #require(reply.json["members"]?.array)
        #expect(
            members.map { $0["contactKey"] } == [
                .string("sam@sausage.com"), .string("sven@sausage.com"), .string("sid@sausage.com"),
            ])
        #expect(members[0]["eventInstanceId"]?.text.flatMap(UUID.init(uuidString:)) != nil)
        #expect(members[1]["message"] == .string("Required Event Data fields are missing: emailaddress"))
        #expect(members[1]["errorcode"] == .string("10006"))
        await fixture.workspace.engine.settle()
        #expect(
            try fixture.flags() == [
                "susan@sausage.com": "False", "sam@sausage.com": "True", "sally@sausage.com": "False", "sid@sausage.com": "True",
            ])

        let tooMany =
            "{\"eventDefinitionKey\":\"\(key)\",\"members\":["
            + Array(repeating: #"{"contactKey":"a@b.com"}"#, count: 101).joined(separator: ",") + "]}"
        let refused = try await fixture.send("POST", "/interaction/v1/async/events", body: tooMany, token: token)
        #expect(refused.status == 400)
        #expect(refused.json["message"]?.text?.hasPrefix("At most 100 members") == true)
    }

    @Test func membershipListsWhoIsInsideWhichJourney() async throws {
        let fixture = try await EmulatorFixture()
        let workspace = fixture.workspace
        try workspace.newDraft(of: .id(fixture.seed.journey.id))
        try workspace.addWaitActivity(to: .id(fixture.seed.journey.id), duration: 1, unit: .days)
        try workspace.activate(.id(fixture.seed.journey.id))
        let token = try await fixture.token()
        let fire =
            #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","Data":{"EmailAddress":"sam@sausage.com"}}"#
        #expect(try await fixture.send("POST", "/interaction/v1/events", body: fire, token: token).status == 201)
        await workspace.engine.settle()
        let reply = try await fixture.send(
            "POST", "/interaction/v1/interactions/contactMembership",
            body: #"{"ContactKeyList":["SAM@sausage.com","nobody@x.com"]}"#,
            token: token)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(
            reply.json["results"]
                == .object([
                    "contactMemberships": .array([
                        .object([
                            "contactKey": .string("sam@sausage.com"), "definitionKey": .string("member-updates"),
                            "version": .number(2),
                        ])
                    ]),
                    "contactsNotFound": .array([.string("nobody@x.com")]),
                ]))
    }
}

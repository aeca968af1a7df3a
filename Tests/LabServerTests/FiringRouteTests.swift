import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// The seed's requests, byte for byte, and the flags they flip.
@Suite struct FiringRouteTests {
    static let contactEventTopLevel = """
        {
            "contactKey": "susan@sausage.com",
            "eventDefinitionKey": "CONTACT-EVENT-f34a064a-32bb-f015-f4fa-e178f4f57d4d",
            "data": [{
                "id": "7CD9E124-6AA3-4884-85B3-B5BFE0CF68F9",
                "name": "Member Preferences",
                "items": [{
                    "values": [{
                        "name": "Preference",
                        "value": "frankfurter"
                    }]
                }]
            }]
        }
        """

    static let contactEventInData = """
        {
            "eventDefinitionKey": "CONTACT-EVENT-f34a064a-32bb-f015-f4fa-e178f4f57d4d",
            "data": [{
                "id": "7CD9E124-6AA3-4884-85B3-B5BFE0CF68F9",
                "name": "Member Preferences",
                "items": [{
                    "values": [
                          {
                             "name":"ContactKey",
                             "value":"susan@sausage.com"
                          },
                          {
                             "name":"Preference",
                             "value":"frankfurter"
                          }
                       ]
                }]
            }]
        }
        """

    static let eventsBody = """
        {
           "contactKey":"saskia@sausage.com",
           "eventDefinitionKey":"CONTACT-EVENT-eb0f4103-01f5-e729-8a27-465afcae3a1e",
           "data":{
              "EmailAddress":"saskia@sausage.com",
              "MemberID":5,
              "FirstName":"Saskia",
              "LastName":"Sausage"
           }
        }
        """

    @Test(arguments: [contactEventTopLevel, contactEventInData])
    func contactEventsFireTheEventAndFlipTheFlag(body: String) async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let reply = try await fixture.send("POST", "/contacts/v1/contactEvents", body: body, token: token)
        #expect(reply.status == 200, "\(reply.text)")
        let json = reply.json
        #expect(
            json["responseContext"]
                == .object([
                    "operationStatus": .string("OK"), "schemaType": .string("Contacts"), "schemaVersionNumber": .number(192),
                    "schemaContextId": .string("d6e57283-155b-e411-aea6-38eaa71427a1"),
                ]))
        guard case .string(let instance) = json["eventInstanceID"], let instanceID = UUID(uuidString: instance) else {
            Issue.record("no eventInstanceID: \(reply.text)")
            return
        }
        #expect(reply.text.contains(#""eventInstanceID""#))
        #expect(json["asyncRequestID"]?.text.flatMap(Int.init) != nil)
        #expect(json["requestServiceMessageID"]?.text.flatMap(UUID.init(uuidString:)) != nil)
        #expect(json["serviceMessageID"]?.text.flatMap(UUID.init(uuidString:)) != nil)
        await fixture.workspace.engine.settle()
        #expect(try await fixture.flagsOverHTTP(token: token)["susan@sausage.com"] == "True")
        let eventRow = try fixture.workspace.rows(of: .externalKey(EmulatorFixture.seedEventDataKey)).records[0]
            .texts(in: fixture.seed.eventData)
        #expect(eventRow["EventInstanceID"] == instanceID.uuidString.lowercased())
        #expect(eventRow["ContactKey"] == "susan@sausage.com" && eventRow["Preference"] == "frankfurter")
    }

    @Test(arguments: ["/interaction-experimental/v1/events", "/interaction/v1/events"])
    func theEventsCallAddsTheMemberAndFlipsTheFlag(path: String) async throws {
        let fixture = try await EmulatorFixture()
        let workspace = fixture.workspace
        try workspace.newDraft(of: .id(fixture.seed.journey.id))
        try workspace.setTrigger(
            of: .id(fixture.seed.journey.id), name: "Members via API", dataExtension: .id(fixture.seed.members.id),
            filter: .compare(field: "Updated", .equals, value: "False"),
            key: "CONTACT-EVENT-eb0f4103-01f5-e729-8a27-465afcae3a1e")
        try workspace.activate(.id(fixture.seed.journey.id))
        let token = try await fixture.token()
        let reply = try await fixture.send("POST", path, body: Self.eventsBody, token: token)
        #expect(reply.status == 201, "\(reply.text)")
        #expect(reply.json["eventInstanceId"]?.text.flatMap(UUID.init(uuidString:)) != nil)
        await workspace.engine.settle()
        #expect(try await fixture.flagsOverHTTP(token: token)["saskia@sausage.com"] == "True")

        let missing = try await fixture.send(
            "POST", path,
            body:
                #"{"contactKey":"sven@sausage.com","eventDefinitionKey":"CONTACT-EVENT-eb0f4103-01f5-e729-8a27-465afcae3a1e","data":{"MemberID":7}}"#,
            token: token)
        #expect(missing.status == 400)
        #expect(
            missing.json
                == .object([
                    "message": .string("Event Data contains errors:"), "errorcode": .number(10006), "documentation": .string(""),
                    "validationErrors": .array([
                        .object([
                            "message": .string("Required Event Data fields are missing: emailaddress"),
                            "errorcode": .number(10000),
                            "documentation": .string(""),
                        ])
                    ]),
                ]))
        let logged = try workspace.requestLog(last: 1)[0]
        #expect(logged.status == 400 && logged.path == path && logged.responseBody.contains("10006"))
    }

    @Test func unknownKeysAndWrongTypesAreRefusedInTheEnvelope() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let unknown = try await fixture.send(
            "POST", "/interaction/v1/events", body: #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"nope","Data":{}}"#,
            token: token)
        #expect(unknown.status == 400)
        #expect(unknown.json["message"] == .string(#"No event definition has the key "nope"."#))
        #expect(unknown.json["errorcode"] == .number(10000))
        #expect(unknown.json["documentation"] == .string(""))

        let wrongType = try await fixture.send(
            "POST", "/interaction/v1/events",
            body:
                #"{"ContactKey":"x@sausage.com","EventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","Data":{"EmailAddress":"x@sausage.com","MemberID":"five"}}"#,
            token: token)
        #expect(wrongType.status == 400)
        #expect(wrongType.json["errorcode"] == .number(10006))
        #expect(wrongType.text.contains("MemberID"))
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 3)
    }
}

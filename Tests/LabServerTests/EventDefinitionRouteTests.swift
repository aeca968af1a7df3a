import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Event definitions over HTTP.
@Suite struct EventDefinitionRouteTests {
    @Test func definitionsAreCreatedFromADataExtensionOrASchemaAndReadBack() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let members = fixture.seed.members
        let created = try await fixture.send(
            "POST", "/interaction/v1/eventDefinitions",
            body:
                #"{"type":"APIEvent","name":"Members API","eventDefinitionKey":"members-api","dataExtensionId":"\#(members.id.uuidString)"}"#,
            token: token)
        #expect(created.status == 200, "\(created.text)")
        #expect(created.json["eventDefinitionKey"] == .string("members-api"))
        #expect(created.json["dataExtensionName"] == .string("Members"))
        #expect(created.json["arguments"]?["serializedObjectType"] == .number(11))
        #expect(created.json["interactionCount"] == .number(0))
        // Firing it records the event; no journey listens yet.
        let fired = try await fixture.send(
            "POST", "/interaction/v1/events",
            body:
                #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"members-api","Data":{"EmailAddress":"sam@sausage.com"}}"#,
            token: token)
        #expect(fired.status == 201)

        let schema = """
            {"type":"APIEvent","name":"Signups","schema":{"sendableCustomObjectField":"contactKey","SendableSubscriberField":"contactKey",
              "fields":[{"name":"firstName","dataType":"text","maxLength":"100","isNullable":false,"defaultValue":""},
                        {"name":"contactKey","dataType":"text","maxLength":"100","isNullable":false,"defaultValue":""}]}}
            """
        let fromSchema = try await fixture.send("POST", "/interaction/v1/eventDefinitions", body: schema, token: token)
        #expect(fromSchema.status == 200, "\(fromSchema.text)")
        let key = try #require(fromSchema.json["eventDefinitionKey"]?.text)
        #expect(key.hasPrefix("APIEvent-"))
        let deName = try #require(fromSchema.json["dataExtensionName"]?.text)
        #expect(deName.hasPrefix("Signups - "))
        let de = try fixture.workspace.dataExtension(.name(deName))
        #expect(de.sendableField?.name == "contactKey" && de.field(named: "firstName")?.length == 100)

        let listed = try await fixture.send("GET", "/interaction/v1/eventDefinitions?name=signups", token: token)
        #expect(listed.json["count"] == .number(1))
        let byKey = try await fixture.send("GET", "/interaction/v1/eventDefinitions/key:\(key)", token: token)
        #expect(byKey.json["name"] == .string("Signups"))
        let renamed = try await fixture.send(
            "PUT", "/interaction/v1/eventDefinitions/key:\(key)", body: #"{"name":"Sign-ups"}"#, token: token)
        #expect(renamed.json["name"] == .string("Sign-ups"))
        let deleted = try await fixture.send("DELETE", "/interaction/v1/eventDefinitions/key:\(key)", token: token)
        #expect(deleted.status == 200)
        let gone = try await fixture.send("GET", "/interaction/v1/eventDefinitions/key:\(key)", token: token)
        #expect(gone.status == 404)
        #expect(gone.json["errorcode"] == .number(30000) && gone.json["message"] == .string("{{{ERROR_OPEN_SUPPORT_CASE}}}"))
    }

    @Test func definitionsInUseOrOnUnsendableDataExtensionsAreRefused() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let inUse = try await fixture.send(
            "DELETE", "/interaction/v1/eventDefinitions/key:\(EmulatorFixture.seedTriggerKey)", token: token)
        #expect(inUse.status == 400)
        #expect(inUse.json["message"]?.text?.contains("is the trigger of 1 journey version") == true)
        let published = try await fixture.send(
            "GET", "/interaction/v1/eventDefinitions/key:\(EmulatorFixture.seedTriggerKey)", token: token)
        #expect(published.json["publishedInteractionCount"] == .number(1))
        let plain = try fixture.workspace.createDataExtension(
            DataExtensionDraft(name: "Plain", fields: [Field(name: "A", type: .text)]))
        let unsendable = try await fixture.send(
            "POST", "/interaction/v1/eventDefinitions",
            body: #"{"name":"Nope","dataExtensionId":"\#(plain.id.uuidString)"}"#, token: token)
        #expect(unsendable.status == 400)
        #expect(unsendable.json["message"]?.text?.contains("cannot be an event source") == true)
        let period = try await fixture.send(
            "POST", "/interaction/v1/eventDefinitions",
            body: #"{"name":"Dotty","eventDefinitionKey":"a.b","dataExtensionId":"\#(fixture.seed.members.id.uuidString)"}"#,
            token: token)
        #expect(period.status == 400)
    }
}

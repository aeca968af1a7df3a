import Foundation
import LabJSON
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Input written to break the emulator is refused whole, in Marketing Cloud's envelope: NUL
/// characters anywhere, wrong JSON types. Each refusal leaves the workspace as it was and the
/// server answering.
@Suite struct HostileInputTests {
    @Test func nulCharactersAreRefusedWhereverTheyAre() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let members = fixture.seed.members.externalKey
        let before = try WorkspaceSnapshot(fixture.workspace)
        let inputs: [(method: String, path: String, body: String?, contentType: String)] = [
            // A key: `a\u0000@example.com` was stored as `a`.
            (
                "POST", "/hub/v1/dataevents/key:\(members)/rowset",
                #"[{"keys":{"EmailAddress":"a\u0000@example.com"},"values":{"FirstName":"A"}}]"#, "application/json"
            ),
            // A field value, and a member name.
            (
                "POST", "/hub/v1/dataevents/key:\(members)/rowset",
                #"[{"keys":{"EmailAddress":"a@example.com"},"values":{"FirstName":"A\u0000B"}}]"#, "application/json"
            ),
            (
                "POST", "/interaction/v1/events",
                #"{"ContactKey":"n@lab.test","EventDefinitionKey":"x","Data":{"Email\u0000Address":"n@lab.test"}}"#,
                "application/json"
            ),
            // A name and an external key.
            ("POST", "/data/v1/customobjects", #"{"name":"Cut\u0000Short","fields":[{"name":"Id"}]}"#, "application/json"),
            (
                "POST", "/data/v1/customobjects", #"{"name":"Whole","key":"k\u0000ey","fields":[{"name":"Id"}]}"#,
                "application/json"
            ),
            // Path segments: a data extension's key, a row's key.
            ("GET", "/data/v1/customobjectdata/key/\(members)%00other/rowset", nil, "application/json"),
            (
                "PUT", "/hub/v1/dataevents/key:\(members)/rows/EmailAddress:a%00@example.com", #"{"values":{}}"#,
                "application/json"
            ),
            // A query value and name.
            ("GET", "/data/v1/customobjects?$search=Mem%00bers", nil, "application/json"),
            ("GET", "/data/v1/customobjects?%24sea%00rch=Members", nil, "application/json"),
            // A form field.
            (
                "POST", "/v2/token", "grant_type=client_credentials&client_id=script%00client&client_secret=script-secret",
                "application/x-www-form-urlencoded"
            ),
        ]
        for input in inputs {
            let reply = try await fixture.send(
                input.method, input.path, body: input.body, token: token, contentType: input.contentType)
            #expect(reply.status == 400, "\(input.path): \(reply.text)")
            #expect(Self.refusalText(reply.json).contains("NUL character"), "\(input.path): \(reply.text)")
            #expect(reply.json["errorcode"] != nil, "\(input.path): \(reply.text)")
        }
        #expect(try WorkspaceSnapshot(fixture.workspace) == before)
        #expect(try await fixture.send("GET", "/data/v1/customobjects", token: token).status == 200)
    }

    @Test func wrongTypesAreRefusedWithTheFieldAndTheTypeExpected() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let members = fixture.seed.members
        let automation = try #require(try fixture.workspace.automations().first)
        let before = try WorkspaceSnapshot(fixture.workspace)
        let inputs: [(method: String, path: String, body: String, expected: String)] = [
            (
                "POST", "/interaction/v1/interactions",
                #"{"key":"object-triggers","name":"J","workflowApiVersion":1,"triggers":{"key":"TRIGGER"}}"#,
                "triggers must be a list, not an object."
            ),
            (
                "PATCH", "/data/v1/customobjects/\(members.id.storageText)", "[null,null]",
                "The body must be an object, not a list."
            ),
            (
                "PATCH", "/automation/v1/automations/\(automation.id.storageText)", "[null,null]",
                "The body must be an object, not a list."
            ),
            (
                "POST", "/data/v1/customobjects", #"{"name":12345,"fields":[{"name":"Id"}]}"#,
                "name must be a string, not the number 12345."
            ),
            (
                "POST", "/interaction/v1/interactions/contactMembership", #"{"ContactKeyList":"abc"}"#,
                #"ContactKeyList must be a list, not the string "abc"."#
            ),
            (
                "POST", "/interaction/v1/interactions/contactMembership", #"{"ContactKeyList":["a",7]}"#,
                "ContactKeyList[1] must be a string, not the number 7."
            ),
            (
                "POST", "/interaction/v1/events", #"{"ContactKey":"n@lab.test","EventDefinitionKey":"x","Data":[1]}"#,
                "Data must be an object, not a list."
            ),
            (
                "POST", "/automation/v1/automations", #"{"name":"A","steps":[{"activities":{"name":"x"}}]}"#,
                "steps[0].activities must be a list, not an object."
            ),
            (
                "PATCH", "/data/v1/customobjects/\(members.id.storageText)", #"{"isSendable":"maybe"}"#,
                #"isSendable must be true or false, not the string "maybe"."#
            ),
        ]
        for input in inputs {
            let reply = try await fixture.send(input.method, input.path, body: input.body, token: token)
            #expect(reply.status == 400, "\(input.path): \(reply.text)")
            #expect(Self.refusalText(reply.json).contains(input.expected), "\(input.path): \(reply.text)")
        }
        #expect(try WorkspaceSnapshot(fixture.workspace) == before)
        #expect(try await fixture.send("GET", "/automation/v1/automations", token: token).status == 200)
    }

    /// The message, or the first validation error's (the event routes list the problem there).
    static func refusalText(_ json: JSONValue) -> String {
        let detail = json["validationErrors"]?.array?.first?["message"]?.text ?? ""
        return (json["message"]?.text ?? "") + " " + detail
    }
}

/// What a refused request must leave as it was: the file sound, every definition and row count.
struct WorkspaceSnapshot: Equatable {
    let dataExtensions: [String]
    let journeys: Int
    let automations: Int
    let eventDefinitions: Int
    let journalLines: Int

    init(_ workspace: Workspace) throws {
        #expect(try workspace.integrityCheck() == ["ok"])
        dataExtensions = try workspace.dataExtensions().map { "\($0.name) \($0.externalKey) \($0.rowCount)" }.sorted()
        journeys = try workspace.journeys().map(\.versions.count).reduce(0, +)
        automations = try workspace.automations().count
        eventDefinitions = try workspace.eventDefinitions().count
        journalLines = try workspace.journal(last: 100_000).count
    }
}

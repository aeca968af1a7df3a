import Foundation
import LabJSON
import LabModel
import Testing

@testable import LabServer

/// Model errors are worded once, in `APIError(_:in:)`: each API family answers the same kind of
/// refusal in its own envelope, and routes only throw.
@Suite struct ModelRefusalTests {
    @Test func eachFamilyWordsAModelErrorItsOwnWay() {
        let missing = FireEventError.missingRequiredFields(["emailaddress"])
        #expect(
            APIError(missing, in: .events).body
                == .object([
                    "message": .string("Event Data contains errors:"), "errorcode": .number(10006), "documentation": .string(""),
                    "validationErrors": .array([
                        .object([
                            "message": .string("Required Event Data fields are missing: emailaddress"),
                            "errorcode": .number(10000), "documentation": .string(""),
                        ])
                    ]),
                ]))
        #expect(APIError(missing, in: .standard).body["errorcode"] == .number(10000))
        let nobody = FireEventError.contactNotFound(.key("nobody@example.com"))
        #expect(APIError(nobody, in: .events).body["errorcode"] == .number(10001))
        let running = FireEventError.automationAlreadyRunning(automation: "Nightly")
        #expect(APIError(running, in: .automations).status == .badRequest)
        #expect(APIError(running, in: .automations).body["errorcode"] == .number(10002))
        let published = ContactModelError.versionNotEditable(version: 1, status: "Published")
        #expect(APIError(published, in: .interactions).status == .conflict)
        #expect(
            APIError(published, in: .interactions).body["message"]
                == .string(
                    "\(APIError.runningInteractionConflict) Version 1 is Published: write version 2 to create a new draft."))
        #expect(APIError(published, in: .events).body["message"] == .string(published.description))
        let stopped = ContactModelError.cannotStop(version: 1, status: "Stopped")
        #expect(APIError(stopped, in: .interactions).body["errorcode"] == .number(400))
        let unknownField = RecordError.unknownField(dataExtension: "Members", field: "Nope")
        #expect(APIError(unknownField, in: .rows).body["errorcode"] == .number(10001))
        #expect(
            APIError(DefinitionError.duplicateDataExtensionName("Members"), in: .standard).body
                == .object([
                    "message": .string(#"A data extension named "Members" already exists."#), "errorcode": .number(10000),
                    "documentation": .string(""),
                ]))
    }

    @Test func aRefusedRowWriteNamesItsDataExtensionAndTheField() {
        let id = UUID()
        let invalid = RecordError.invalidValue(field: "Email", value: "x", problem: .notAnEmailAddress)
        let refusal = APIError.rowsNotSaved(in: id, invalid)
        #expect(refusal.body["message"] == .string("Unable to save rows for data extension ID \(id.storageText)"))
        #expect(refusal.body["errorcode"] == .number(10006))
        #expect(
            refusal.body["additionalErrors"]
                == .array([
                    .object([
                        "message": .string(#"Email: Email: the value "x" is not a valid email address."#),
                        "errorcode": .number(10000), "documentation": .string(""),
                    ])
                ]))
    }
}

extension ModelRefusalTests {
    /// One model error from each family's routes, thrown by the workspace and answered whole.
    @Test func modelErrorsThrownByRoutesArriveInTheirFamilysEnvelope() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        func envelope(_ message: String, _ code: Int) -> JSONValue {
            .object(["message": .string(message), "errorcode": .number(code), "documentation": .string("")])
        }

        let nobody = try await fixture.send(
            "POST", "/contacts/v1/contactEvents",
            body: #"{"contactID":987654,"eventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","data":[]}"#, token: token)
        #expect(nobody.status == 400)
        #expect(nobody.json == envelope(FireEventError.contactNotFound(.id(987654)).description, 10001))

        let taken = try await fixture.send(
            "POST", "/data/v1/customobjects", body: #"{"name":"Members","fields":[{"name":"A"}]}"#, token: token)
        #expect(taken.status == 400)
        #expect(taken.json == envelope(DefinitionError.duplicateDataExtensionName("Members").description, 10000))

        let unsorted = try await fixture.send(
            "GET", "/data/v1/customobjectdata/key/\(fixture.seed.members.externalKey)/rowset?$orderBy=Nope", token: token)
        #expect(unsorted.status == 400)
        #expect(unsorted.json["errorcode"] == .number(10001), "\(unsorted.text)")

        let empty = try await fixture.send(
            "POST", "/automation/v1/automations", body: #"{"name":"Empty","steps":[]}"#, token: token)
        let emptyID = try #require(empty.json["id"]?.text)
        let idle = try await fixture.send(
            "POST", "/automation/v1/automations/\(emptyID)/actions/runallonce", body: "{}", token: token)
        #expect(idle.status == 400)
        #expect(idle.json == envelope("Automation Empty has no activities to run.", 10002))

        let stop = "/interaction/v1/interactions/stop/key:\(fixture.seed.journey.key)?versionNumber=1"
        #expect(try await fixture.send("POST", stop, body: "{}", token: token).status == 200)
        let stoppedAgain = try await fixture.send("POST", stop, body: "{}", token: token)
        #expect(stoppedAgain.status == 400)
        #expect(stoppedAgain.json == envelope(ContactModelError.cannotStop(version: 1, status: "Stopped").description, 400))
    }
}

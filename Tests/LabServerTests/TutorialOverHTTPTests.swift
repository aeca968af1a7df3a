import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// The tutorial built by a script, with nothing but the REST API: a data extension, its rows,
/// an API event definition, a journey, its publication, an event, an automation.
@Suite struct TutorialOverHTTPTests {
    @Test func aScriptBuildsTheTutorialAndWatchesTheFlagsFlip() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()

        // The member data extension, made sendable afterwards.
        let created = try await fixture.send(
            "POST", "/data/v1/customobjects",
            body: """
                {"name":"Trainees","key":"TRAINEES","fields":[
                  {"name":"EmailAddress","type":"EmailAddress","isPrimaryKey":true,"isNullable":false},
                  {"name":"FirstName","type":"Text","length":50},
                  {"name":"Updated","type":"Boolean","defaultValue":"False"}]}
                """, token: token)
        #expect(created.status == 201, "\(created.text)")
        let deID = try #require(created.json["id"]?.text)
        let sendable = try await fixture.send(
            "PATCH", "/data/v1/customobjects/\(deID)",
            body: #"{"isSendable":true,"sendableCustomObjectField":"EmailAddress","sendableSubscriberField":"_SubscriberKey"}"#,
            token: token)
        #expect(sendable.status == 200 && sendable.json["isSendable"] == .bool(true), "\(sendable.text)")

        // Rows, upserted asynchronously.
        let upsert = try await fixture.send(
            "PUT", "/data/v1/async/dataextensions/key:TRAINEES/rows",
            body: """
                {"items":[{"EmailAddress":"ana@lab.test","FirstName":"Ana","Updated":false},
                          {"EmailAddress":"bo@lab.test","FirstName":"Bo","Updated":false},
                          {"EmailAddress":"cy@lab.test","FirstName":"Cy","Updated":false}]}
                """, token: token)
        #expect(upsert.status == 202, "\(upsert.text)")
        let requestID = try #require(upsert.json["requestId"]?.text)
        let rowsDone = try await fixture.poll("/data/v1/async/\(requestID)/status", token: token) {
            $0["status"]?["requestStatus"] == .string("Complete")
        }
        #expect(rowsDone["status"]?["hasErrors"] == .bool(false))
        #expect(try await flags(fixture, token) == ["ana@lab.test": "False", "bo@lab.test": "False", "cy@lab.test": "False"])

        // The API event definition, and the GUID of the field the journey sets.
        let definition = try await fixture.send(
            "POST", "/interaction/v1/eventDefinitions",
            body:
                #"{"type":"APIEvent","name":"Trainee event","eventDefinitionKey":"trainee-event","dataExtensionId":"\#(deID)"}"#,
            token: token)
        #expect(definition.status == 200, "\(definition.text)")
        let fields = try await fixture.send("GET", "/data/v1/customobjects/\(deID)/fields", token: token)
        let updatedField = try #require(fields.json["fields"]?.array?.first { $0["name"] == .string("Updated") }?["id"]?.text)

        // The journey: entry filter Updated is False, one Update Contact Data activity.
        let criteria =
            #"<FilterDefinition><ConditionSet Operator=\"AND\" ConditionSetName=\"Individual Filter Grouping\"><Condition Key=\"Trainees.Updated\" Operator=\"Is\" UiMetaData=\"{}\"><Value><![CDATA[false]]></Value></Condition></ConditionSet></FilterDefinition>"#
        let journey = try await fixture.send(
            "POST", "/interaction/v1/interactions",
            body: """
                {"key":"trainee-updates","name":"Trainee updates","workflowApiVersion":1.0,
                 "triggers":[{"key":"TRIGGER","name":"Trainee event","type":"APIEvent",
                   "metaData":{"eventDefinitionKey":"trainee-event"},
                   "configurationArguments":{"criteria":"\(criteria)"}}],
                 "activities":[{"key":"UPDATECONTACTDATAV2-1","name":"Mark updated","type":"UPDATECONTACTDATA",
                   "arguments":{"activityData":{"updateContactFields":[
                     {"dataExtensionId":"\(deID)","field":"\(updatedField)","value":"true"}]}}}]}
                """, token: token)
        #expect(journey.status == 200, "\(journey.text)")
        #expect(journey.json["status"] == .string("Draft") && journey.json["version"] == .number(1))
        #expect(journey.json["lastPublishedDate"] == .string("0001-01-01T00:00:00"))
        let journeyID = try #require(journey.json["id"]?.text)

        // Published asynchronously.
        let publish = try await fixture.send(
            "POST", "/interaction/v1/interactions/publishAsync/\(journeyID)?versionNumber=1", body: "{}", token: token)
        #expect(publish.status == 200, "\(publish.text)")
        let statusURL = try #require(publish.json["statusUrl"]?.text)
        #expect(statusURL == "/interaction/v1/interactions/publishStatus/\(publish.json["statusId"]?.text ?? "-")")
        let published = try await fixture.poll(statusURL, token: token) { $0["status"] != .string("PublishInProcess") }
        #expect(published == .object(["status": .string("PublishCompleted"), "errors": .array([]), "warnings": .array([])]))
        let running = try await fixture.send("GET", "/interaction/v1/interactions/key:trainee-updates", token: token)
        #expect(running.json["status"] == .string("Published"))

        // One API event: Ana's flag flips, nobody else's.
        let fired = try await fixture.send(
            "POST", "/interaction/v1/events",
            body: #"{"ContactKey":"ana@lab.test","EventDefinitionKey":"trainee-event","Data":{"EmailAddress":"ana@lab.test"}}"#,
            token: token)
        #expect(fired.status == 201, "\(fired.text)")
        try await waitForFlags(fixture, token, ["ana@lab.test": "True", "bo@lab.test": "False", "cy@lab.test": "False"])

        // An automation with a Fire Event activity over the data extension, run once: the rest flip.
        let automation = try await fixture.send(
            "POST", "/automation/v1/automations",
            body: """
                {"name":"Fire trainees","key":"fire-trainees","steps":[{"step":1,"activities":[
                  {"name":"Fire trainees","objectTypeId":749,"targetDataExtensions":[{"key":"TRAINEES"}]}]}]}
                """, token: token)
        #expect(automation.status == 201, "\(automation.text)")
        let run = try await fixture.send(
            "POST", "/automation/v1/automations/key:fire-trainees/actions/runallonce", body: "{}", token: token)
        #expect(run.status == 200, "\(run.text)")
        try await waitForFlags(fixture, token, ["ana@lab.test": "True", "bo@lab.test": "True", "cy@lab.test": "True"])
        let instance = try #require(run.json["lastRunInstanceId"]?.text)
        let finished = try await fixture.poll("/automation/v1/automations/instance/\(instance)", token: token) {
            $0["status"] == .string("Complete")
        }
        #expect(finished["status"] == .string("Complete"), "\(finished)")
        let stats = try await fixture.send("GET", "/interaction/v1/interactions/key:trainee-updates", token: token)
        #expect(stats.json["stats"]?["currentPopulation"] == .number(0))
    }

    private func flags(_ fixture: EmulatorFixture, _ token: String) async throws -> [String: String] {
        let rows = try await fixture.send("GET", "/data/v1/customobjectdata/key/TRAINEES/rowset", token: token)
        var flags: [String: String] = [:]
        for item in rows.json["items"]?.array ?? [] {
            if let email = item["keys"]?["emailaddress"]?.text { flags[email] = item["values"]?["updated"]?.text }
        }
        return flags
    }

    private func waitForFlags(_ fixture: EmulatorFixture, _ token: String, _ expected: [String: String]) async throws {
        let deadline = Date().addingTimeInterval(10)
        var seen: [String: String] = [:]
        while Date() < deadline {
            seen = try await flags(fixture, token)
            if seen == expected { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("flags stayed \(seen), expected \(expected)")
    }
}

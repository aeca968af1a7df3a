import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Automations over HTTP: built, run once, followed, and the flags read back.
@Suite struct AutomationRouteTests {
    @Test func anAutomationBuiltOverHTTPRunsOnceAndFlipsTheFlags() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let members = fixture.seed.members
        let body = """
            {"name":"Nightly members","key":"nightly-members","description":"Fires the member event",
             "steps":[{"step":1,"activities":[{"name":"Fire members","objectTypeId":749,
               "targetDataExtensions":[{"key":"\(members.externalKey)"}]}]}]}
            """
        let created = try await fixture.send("POST", "/automation/v1/automations", body: body, token: token)
        #expect(created.status == 201, "\(created.text)")
        let id = try #require(created.json["id"]?.text)
        #expect(created.json["statusId"] == .number(4) && created.json["typeId"] == .number(1))
        let activity = try #require(created.json["steps"]?.array?.first?["activities"]?.array?.first)
        #expect(activity["objectTypeId"] == .number(749) && activity["name"] == .string("Fire members"))
        #expect(activity["targetDataExtensions"]?.array?.first?["key"] == .string(members.externalKey))

        let listed = try await fixture.send("GET", "/automation/v1/automations", token: token)
        #expect(listed.json["count"] == .number(2))
        #expect(listed.json["items"]?.array?.contains { $0["key"] == .string("nightly-members") && $0["steps"] == nil } == true)

        let started = try await fixture.send(
            "POST", "/automation/v1/automations/key:nightly-members/actions/runallonce", body: "{}", token: token)
        #expect(started.status == 200, "\(started.text)")
        #expect(started.json["status"] == .string("Running") && started.json["statusId"] == .number(3))
        let instance = try #require(started.json["lastRunInstanceId"]?.text)
        await fixture.workspace.engine.settle()

        let run = try await fixture.send("GET", "/automation/v1/automations/instance/\(instance)", token: token)
        #expect(run.json["status"] == .string("Complete"), "\(run.text)")
        let counts = try #require(run.json["activities"]?.array?.first)
        #expect(
            counts["rowsRead"] == .number(3) && counts["contactsEntered"] == .number(3) && counts["status"] == .string("Complete")
        )
        #expect(try await fixture.flagsOverHTTP(token: token).values.allSatisfy { $0 == "True" })
        let read = try await fixture.send("GET", "/automation/v1/automations/\(id)", token: token)
        #expect(read.json["lastRunInstanceId"] == .string(instance) && read.json["status"] == .string("PausedSchedule"))
    }

    @Test func theTutorialsAppMayNotTouchAutomations() async throws {
        let fixture = try await EmulatorFixture()
        let tutorial = try await fixture.token()
        let reply = try await fixture.send("GET", "/automation/v1/automations", token: tutorial)
        #expect(reply.status == 403)
    }

    @Test func automationsTheEmulatorCannotRunAreRefused() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let sql = try await fixture.send(
            "POST", "/automation/v1/automations",
            body: #"{"name":"Query","steps":[{"activities":[{"objectTypeId":300,"activityObjectId":"x"}]}]}"#, token: token)
        #expect(sql.status == 400)
        #expect(sql.json["message"]?.text?.contains("objectTypeId 749") == true)
        let empty = try await fixture.send(
            "POST", "/automation/v1/automations", body: #"{"name":"Empty","steps":[]}"#, token: token)
        let emptyID = try #require(empty.json["id"]?.text)
        let refused = try await fixture.send(
            "POST", "/automation/v1/automations/\(emptyID)/actions/runallonce", body: "{}", token: token)
        #expect(refused.status == 400)
        #expect(refused.json["message"] == .string("Automation Empty has no activities to run."))
        let unknown = try await fixture.send("GET", "/automation/v1/automations/\(UUID().uuidString)", token: token)
        #expect(unknown.status == 404)
        let noRun = try await fixture.send("GET", "/automation/v1/automations/instance/\(UUID().uuidString)", token: token)
        #expect(noRun.status == 404)
    }
}

extension AutomationRouteTests {
    @Test func patchRenamesAndReplacesTheSteps() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let id = fixture.seed.automation.id.uuidString.lowercased()
        let other = try fixture.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Others", externalKey: "OTHERS", fields: [Field(name: "Email", type: .emailAddress)],
                sendableFieldName: "Email"))
        let patched = try await fixture.send(
            "PATCH", "/automation/v1/automations/\(id)",
            body:
                #"{"name":"Fire two","steps":[{"step":1,"activities":[{"targetDataExtensions":[{"key":"OTHERS"}]}]},{"step":2,"activities":[{"activityObjectId":"\#(fixture.seed.members.id.uuidString)"}]}]}"#,
            token: token)
        #expect(patched.status == 200, "\(patched.text)")
        #expect(patched.json["name"] == .string("Fire two"))
        let automation = try fixture.workspace.automation(named: "Fire two")
        #expect(automation.steps.map(\.number) == [1, 2])
        #expect(automation.steps.flatMap(\.activities).map(\.dataExtensionID) == [other.id, fixture.seed.members.id])

        let badTarget = try await fixture.send(
            "POST", "/automation/v1/automations",
            body: #"{"name":"Broken","steps":[{"activities":[{"targetDataExtensions":[{"key":"NOPE"}]}]}]}"#, token: token)
        #expect(badTarget.status == 400)
        #expect((try? fixture.workspace.automation(named: "Broken")) == nil)
    }
}

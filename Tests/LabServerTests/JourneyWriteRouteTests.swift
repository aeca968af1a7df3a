import Foundation
import LabJSON
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Journeys written over HTTP: created, written whole, published, stopped.
@Suite struct JourneyWriteRouteTests {
    /// A journey over the tutorial's Members data extension, as a script would post it:
    /// activities sent out of order, chained by `outcomes[].next`.
    static func body(
        _ fixture: EmulatorFixture, key: String = "members-wait", eventKey: String = EmulatorFixture.seedTriggerKey,
        criteria: String =
            #"<FilterDefinition><ConditionSet Operator=\"AND\" ConditionSetName=\"Individual Filter Grouping\"><Condition Key=\"Members.Updated\" Operator=\"Is\" UiMetaData=\"{}\"><Value><![CDATA[false]]></Value></Condition></ConditionSet></FilterDefinition>"#,
        extra: String = ""
    ) -> String {
        let members = fixture.seed.members
        let updated = members.field(named: "Updated")!.id.uuidString.lowercased()
        return """
            {"key":"\(key)","name":"Members after a wait","description":"Waits, then marks","workflowApiVersion":1.0,
             "entryMode":"MultipleEntries",\(extra)
             "triggers":[{"key":"TRIGGER","type":"ContactEvent","metaData":{"eventDefinitionKey":"\(eventKey)"},
               "configurationArguments":{"criteria":"\(criteria)"}}],
             "activities":[
               {"key":"UPDATECONTACTDATAV2-2","name":"Mark updated","type":"UPDATECONTACTDATA",
                "outcomes":[{"key":"done","arguments":{},"metaData":{}}],
                "arguments":{"activityData":{"updateContactFields":[
                  {"dataExtensionId":"\(members.id.uuidString.lowercased())","field":"\(updated)","value":"True"}]}}},
               {"key":"WAITBYDURATION-1","name":"2 hours","type":"WAIT",
                "outcomes":[{"key":"on","next":"UPDATECONTACTDATAV2-2","arguments":{},"metaData":{}}],
                "configurationArguments":{"waitDuration":2,"waitUnit":"HOURS"},"metaData":{"uiType":"WAITBYDURATION"}}]}
            """
    }

    @Test func aPostedJourneyIsADraftThatReadsBackAsPosted() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let created = try await fixture.send("POST", "/interaction/v1/interactions", body: Self.body(fixture), token: token)
        #expect(created.status == 200, "\(created.text)")
        #expect(created.json["status"] == .string("Draft") && created.json["version"] == .number(1))
        #expect(created.json["entryMode"] == .string("MultipleEntries"))
        #expect(created.json["description"] == .string("Waits, then marks"))
        let activities = try #require(created.json["activities"]?.array)
        #expect(activities.map { $0["key"] } == [.string("WAITBYDURATION-1"), .string("UPDATECONTACTDATAV2-2")])
        #expect(activities[0]["outcomes"]?.array?.first?["next"] == .string("UPDATECONTACTDATAV2-2"))
        #expect(activities[0]["configurationArguments"] == .object(["waitDuration": .number(2), "waitUnit": .string("HOURS")]))
        #expect(activities[1]["name"] == .string("Mark updated"))
        let trigger = try #require(created.json["triggers"]?.array?.first)
        #expect(trigger["metaData"]?["eventDefinitionKey"] == .string(EmulatorFixture.seedTriggerKey))
        #expect(trigger["metaData"]?["criteriaDescription"] == .string("Updated is False"))

        // The model holds what the screens would have built.
        let journey = try fixture.workspace.journey(.key("members-wait"))
        let version = try #require(journey.versions.first)
        #expect(version.entryMode == .reEntryAnytime && version.trigger?.key == EmulatorFixture.seedTriggerKey)
        #expect(
            version.activities.map(\.kind) == [
                .wait(duration: 2, unit: .hours),
                .updateContactData(
                    dataExtensionID: fixture.seed.members.id, fieldID: fixture.seed.members.field(named: "Updated")!.id,
                    value: .boolean(true)),
            ])

        // What GET shows can be PUT back unchanged.
        let read = try await fixture.send("GET", "/interaction/v1/interactions/key:members-wait", token: token)
        let written = try await fixture.send(
            "PUT", "/interaction/v1/interactions/key:members-wait", body: read.json.serialized, token: token)
        #expect(written.status == 200, "\(written.text)")
        #expect(written.json["activities"]?.array?.map { $0["key"] } == activities.map { $0["key"] })
        #expect(written.json["triggers"]?.array?.first?["configurationArguments"] == trigger["configurationArguments"])
        #expect(written.json["modifiedDate"] != read.json["modifiedDate"])
    }

    @Test func putWritesTheDraftWholeAndChecksModifiedDate() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let created = try await fixture.send("POST", "/interaction/v1/interactions", body: Self.body(fixture), token: token)
        let modified = try #require(created.json["modifiedDate"]?.text)
        // Only the wait, one day, re-entry only after exiting.
        var draft = try #require(created.json.object)
        var wait = try #require(created.json["activities"]?.array?.first?.object)
        wait["outcomes"] = .array([])
        draft["activities"] = .array([.object(wait)])
        draft["entryMode"] = .string("SingleEntryAcrossAllVersions")
        draft["name"] = .string("Members, waiting")
        let changed = try await fixture.send(
            "PUT", "/interaction/v1/interactions", body: JSONValue.object(draft).serialized, token: token)
        #expect(changed.status == 200, "\(changed.text)")
        let journey = try fixture.workspace.journey(.key("members-wait"))
        #expect(journey.name == "Members, waiting" && journey.versions.count == 1)
        #expect(journey.versions[0].activities.map(\.key) == ["WAITBYDURATION-1"])
        #expect(journey.versions[0].entryMode == .reEntryAfterExit)

        // The same body again still carries the first modifiedDate: it changed since.
        draft["name"] = .string("Lost update")
        let stale = try await fixture.send(
            "PUT", "/interaction/v1/interactions/key:members-wait", body: JSONValue.object(draft).serialized, token: token)
        #expect(stale.status == 400)
        #expect(stale.json["message"]?.text?.contains("changed since it was read") == true, "\(stale.text)")
        #expect(try fixture.workspace.journey(.key("members-wait")).name == "Members, waiting")
        #expect(modified != changed.json["modifiedDate"]?.text)

        // No version 3 while version 1 is the newest; an unknown journey.
        draft["modifiedDate"] = changed.json["modifiedDate"]
        draft["version"] = .number(3)
        let noVersion = try await fixture.send(
            "PUT", "/interaction/v1/interactions/key:members-wait", body: JSONValue.object(draft).serialized, token: token)
        #expect(noVersion.status == 400)
        #expect(noVersion.json["message"]?.text?.contains("has no version 3") == true, "\(noVersion.text)")
        let unknown = try await fixture.send(
            "PUT", "/interaction/v1/interactions/key:nobody", body: JSONValue.object(draft).serialized, token: token)
        #expect(unknown.status == 404 && unknown.json["errorcode"] == .number(30003))
        #expect(unknown.json["message"] == .string("Interaction not found."))
    }

    @Test func aRunningVersionCannotChangeButTheNextNumberMakesADraft() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let seeded = try await fixture.send("GET", "/interaction/v1/interactions/key:member-updates", token: token)
        var body = try #require(seeded.json.object)
        body["name"] = .string("Renamed while running")
        let conflict = try await fixture.send(
            "PUT", "/interaction/v1/interactions/key:member-updates", body: JSONValue.object(body).serialized, token: token)
        #expect(conflict.status == 409 && conflict.json["errorcode"] == .number(409))
        #expect(conflict.json["message"]?.text?.hasPrefix("Conflict, this change would cause") == true)
        #expect(try fixture.workspace.journey(.key("member-updates")).name == fixture.seed.journey.name)

        body["version"] = .number(2)
        let next = try await fixture.send(
            "PUT", "/interaction/v1/interactions/key:member-updates", body: JSONValue.object(body).serialized, token: token)
        #expect(next.status == 200, "\(next.text)")
        #expect(next.json["version"] == .number(2) && next.json["status"] == .string("Draft"))
        let versions = try fixture.workspace.journey(.key("member-updates")).versions
        #expect(versions.map(\.status) == [.published, .draft])
        #expect(versions[1].activities.count == 1 && versions[1].trigger?.key == EmulatorFixture.seedTriggerKey)
    }

    @Test func badJourneysAreRefusedWithReasonsAndNothingIsWritten() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        func post(_ body: String) async throws -> EmulatorFixture.Reply {
            try await fixture.send("POST", "/interaction/v1/interactions", body: body, token: token)
        }
        let cases: [(String, String)] = [
            (Self.body(fixture, criteria: "<FilterDefinition><ConditionSet>"), "not valid FilterDefinition XML"),
            (
                Self.body(
                    fixture,
                    criteria:
                        #"<FilterDefinition><Condition Key=\"Members.Updated\" Operator=\"NotContains\"/></FilterDefinition>"#),
                "operator \"NotContains\" on Members.Updated is not emulated"
            ),
            (
                Self.body(
                    fixture,
                    criteria: #"<FilterDefinition><Condition Key=\"Members.Nope\" Operator=\"IsNull\"/></FilterDefinition>"#),
                "\"Nope\", which is neither a field"
            ),
            (Self.body(fixture, eventKey: "no-such-event"), "event definition no-such-event, which does not exist"),
            (Self.body(fixture, extra: #""goals":[{"type":"ContactDecision"}],"#), "goals are not emulated"),
            (Self.body(fixture).replacingOccurrences(of: #""value":"True""#, with: #""value":"maybe""#), "the value \"maybe\""),
            (Self.body(fixture).replacingOccurrences(of: #""type":"WAIT""#, with: #""type":"EMAILV2""#), "type EMAILV2"),
            (Self.body(fixture).replacingOccurrences(of: #""key":"members-wait","#, with: ""), "key is required"),
            (Self.body(fixture).replacingOccurrences(of: "MultipleEntries", with: "Sometimes"), "entryMode Sometimes"),
        ]
        for (body, reason) in cases {
            let refused = try await post(body)
            #expect(refused.status == 400, "\(reason): \(refused.text)")
            #expect(refused.json["message"]?.text?.contains(reason) == true, "\(refused.text)")
            #expect(refused.json["errorcode"] == .number(400))
        }
        #expect(try fixture.workspace.journeys().count == 1)
        // C leads back to B: a loop, not one path.
        let looping = Self.body(fixture).replacingOccurrences(
            of: #""outcomes":[{"key":"done","arguments":{},"metaData":{}}]"#,
            with: #""outcomes":[{"key":"again","next":"WAITBYDURATION-1","arguments":{},"metaData":{}}]"#)
        let loop = try await post(looping)
        #expect(loop.status == 400 && loop.json["message"]?.text?.contains("lead back to each other") == true, "\(loop.text)")
        // The farthest page the document allows is empty (no overflow); past a 32-bit number it is refused.
        let farPage = try await fixture.send("GET", "/interaction/v1/interactions?$page=2147483647", token: token)
        #expect(farPage.status == 200 && farPage.json["items"] == .array([]))
        let pastThePages = try await fixture.send(
            "GET", "/interaction/v1/interactions?$page=1000000000000000000", token: token)
        #expect(pastThePages.status == 400 && pastThePages.json["message"] == .string("Parameter $page is invalid."))
        // A filter the seed's running journey applies cannot change under it.
        let other = try await post(
            Self.body(
                fixture,
                criteria:
                    #"<FilterDefinition><Condition Key=\"Members.Updated\" Operator=\"Is\"><Value>true</Value></Condition></FilterDefinition>"#
            ))
        #expect(other.status == 400)
        #expect(
            other.json["message"]?.text?.contains("which is running: its entry filter cannot change") == true, "\(other.text)")
        #expect(
            try fixture.workspace.eventDefinition(key: EmulatorFixture.seedTriggerKey).filter?.description == "Updated is False")
        #expect(try fixture.workspace.journeys().count == 1)
    }

    @Test func publishingReportsWhatIsMissingAndTakesAWhileAtTheRealisticPace() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let empty = try await fixture.send(
            "POST", "/interaction/v1/interactions",
            body: #"{"key":"empty","name":"Empty","workflowApiVersion":1}"#, token: token)
        #expect(empty.status == 200, "\(empty.text)")
        #expect(empty.json["entryMode"] == .string("OnceAndDone"))
        let emptyID = try #require(empty.json["id"]?.text)
        let refused = try await fixture.send(
            "POST", "/interaction/v1/interactions/publishAsync/\(emptyID)?versionNumber=1", body: "{}", token: token)
        let report = try await fixture.poll(refused.json["statusUrl"]?.text ?? "-", token: token) {
            $0["status"] != .string("PublishInProcess")
        }
        #expect(report["status"] == .string("Error"))
        #expect(report["errors"]?.array?.map { $0["errorCode"] } == [.string("121901"), .string("121902")])
        #expect(report["errors"]?.array?.first?["errorDetail"]?.text?.contains("no entry source") == true)
        #expect(try fixture.workspace.journey(.key("empty")).versions[0].status == .draft)

        let running = try await fixture.send(
            "POST", "/interaction/v1/interactions/publishAsync/key:member-updates", body: "{}", token: token)
        #expect(running.status == 400)
        #expect(running.json["message"] == .string("Cannot publish interaction in Published status."))
        let unknownStatus = try await fixture.send(
            "GET", "/interaction/v1/interactions/publishStatus/\(UUID().uuidString)", token: token)
        #expect(unknownStatus.status == 404)

        // At the realistic pace the publish is in process for two seconds, then done.
        fixture.workspace.engine.settings.pace = .realistic
        let created = try await fixture.send("POST", "/interaction/v1/interactions", body: Self.body(fixture), token: token)
        let id = try #require(created.json["id"]?.text)
        let publish = try await fixture.send(
            "POST", "/interaction/v1/interactions/publishAsync/\(id)?versionNumber=1", body: "{}", token: token)
        let statusURL = try #require(publish.json["statusUrl"]?.text)
        let pending = try await fixture.send("GET", statusURL, token: token)
        #expect(pending.json == .object(["status": .string("PublishInProcess")]))
        #expect(try fixture.workspace.journey(.key("members-wait")).versions[0].status == .draft)
        let done = try await fixture.poll(statusURL, token: token) { $0["status"] != .string("PublishInProcess") }
        #expect(done["status"] == .string("PublishCompleted"), "\(done)")
        #expect(try fixture.workspace.journey(.key("members-wait")).versions[0].status == .published)
    }

    @Test func stoppingARunningVersionLetsTheContactsInsideGo() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.scriptToken()
        let members = fixture.seed.members
        let definition = try await fixture.send(
            "POST", "/interaction/v1/eventDefinitions",
            body:
                #"{"type":"APIEvent","name":"Members API","eventDefinitionKey":"members-api","dataExtensionId":"\#(members.id.uuidString)"}"#,
            token: token)
        #expect(definition.status == 200, "\(definition.text)")
        let created = try await fixture.send(
            "POST", "/interaction/v1/interactions", body: Self.body(fixture, eventKey: "members-api"), token: token)
        let id = try #require(created.json["id"]?.text)
        let draftStop = try await fixture.send(
            "POST", "/interaction/v1/interactions/stop/\(id)?versionNumber=1", body: "{}", token: token)
        #expect(draftStop.status == 400)
        #expect(draftStop.json["message"]?.text?.contains("Version 1 is Draft") == true, "\(draftStop.text)")
        let publish = try await fixture.send(
            "POST", "/interaction/v1/interactions/publishAsync/\(id)?versionNumber=1", body: "{}", token: token)
        _ = try await fixture.poll(publish.json["statusUrl"]?.text ?? "-", token: token) {
            $0["status"] == .string("PublishCompleted")
        }
        let fired = try await fixture.send(
            "POST", "/interaction/v1/events",
            body:
                #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"members-api","Data":{"EmailAddress":"sam@sausage.com"}}"#,
            token: token)
        #expect(fired.status == 201, "\(fired.text)")
        let inside = try await fixture.poll("/interaction/v1/interactions/\(id)", token: token) {
            $0["stats"]?["currentPopulation"] == .number(1)
        }
        #expect(inside["status"] == .string("Published"))

        let stopped = try await fixture.send(
            "POST", "/interaction/v1/interactions/stop/\(id)?versionNumber=1", body: "{}", token: token)
        #expect(stopped.status == 200 && stopped.text.isEmpty, "\(stopped.text)")
        let after = try await fixture.send("GET", "/interaction/v1/interactions/\(id)", token: token)
        #expect(after.json["status"] == .string("Stopped") && after.json["stats"]?["currentPopulation"] == .number(0))
        await fixture.workspace.engine.settle()
        #expect(try fixture.flags()["sam@sausage.com"] == "False")
        let again = try await fixture.send(
            "POST", "/interaction/v1/interactions/stop/\(id)?versionNumber=1", body: "{}", token: token)
        #expect(again.status == 400)
        let unknown = try await fixture.send(
            "POST", "/interaction/v1/interactions/stop/\(UUID().uuidString)", body: "{}", token: token)
        #expect(unknown.status == 404 && unknown.json["errorcode"] == .number(30003))
        let readOnly = try await fixture.token(scope: "journeys_read")
        let forbidden = try await fixture.send(
            "POST", "/interaction/v1/interactions/stop/\(id)?versionNumber=1", body: "{}", token: readOnly)
        #expect(forbidden.status == 403)
    }
}

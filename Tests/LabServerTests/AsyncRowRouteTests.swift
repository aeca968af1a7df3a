import Foundation
import LabJSON
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Asynchronous row writes over HTTP, followed to completion through their status.
@Suite struct AsyncRowRouteTests {
    /// Polls the status route until the request is no longer Pending or Executing.
    func finalStatus(_ fixture: EmulatorFixture, _ id: String, token: String) async throws -> JSONValue {
        try await fixture.poll("/data/v1/async/\(id)/status", token: token) {
            !["Pending", "Executing"].contains($0["status"]?["requestStatus"]?.text ?? "Pending")
        }["status"]!
    }

    @Test func insertsAndUpsertsCompleteAndReadBack() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = fixture.seed.members.externalKey
        let inserted = try await fixture.send(
            "POST", "/data/v1/async/dataextensions/key:\(key)/rows",
            body: #"{"items":[{"EmailAddress":"sid@sausage.com","MemberID":4},{"emailaddress":"sue@sausage.com","MemberID":6}]}"#,
            token: token)
        #expect(inserted.status == 202, "\(inserted.text)")
        #expect(inserted.json["resultMessages"] == .array([]))
        let insertID = try #require(inserted.json["requestId"]?.text)
        let done = try await finalStatus(fixture, insertID, token: token)
        #expect(
            done["requestStatus"] == .string("Complete") && done["hasErrors"] == .bool(false)
                && done["resultStatus"] == .string("OK"))
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 5)

        let upserted = try await fixture.send(
            "PUT", "/data/v1/async/dataextensions/key:\(key)/rows",
            body: #"{"items":[{"EmailAddress":"sid@sausage.com","Updated":true}]}"#, token: token)
        let upsertID = try #require(upserted.json["requestId"]?.text)
        #expect(try await finalStatus(fixture, upsertID, token: token)["requestStatus"] == .string("Complete"))
        #expect(try await fixture.flagsOverHTTP(token: token)["sid@sausage.com"] == "True")
        let results = try await fixture.send("GET", "/data/v1/async/\(upsertID)/results", token: token)
        #expect(results.json["count"] == .number(0))
    }

    @Test func aRefusedBatchEndsInErrorAndWritesNothing() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = fixture.seed.members.externalKey
        let duplicate = try await fixture.send(
            "POST", "/data/v1/async/dataextensions/key:\(key)/rows",
            body: #"{"items":[{"EmailAddress":"new@sausage.com"},{"EmailAddress":"sam@sausage.com"}]}"#, token: token)
        let id = try #require(duplicate.json["requestId"]?.text)
        let status = try await finalStatus(fixture, id, token: token)
        #expect(status["requestStatus"] == .string("Error") && status["hasErrors"] == .bool(true))
        let results = try await fixture.send("GET", "/data/v1/async/\(id)/results", token: token)
        #expect(results.json["items"]?.array?.first?["message"]?.text?.contains("sam@sausage.com") == true)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 3)

        let unknown = try await fixture.send("GET", "/data/v1/async/\(UUID().uuidString)/status", token: token)
        #expect(unknown.status == 200)
        #expect(unknown.json["resultMessages"]?.array?.first?["resultCode"] == .string("AsyncRequestStatusNotFound"))
        let noKey = try await fixture.send(
            "POST", "/data/v1/async/dataextensions/key:NOPE/rows", body: #"{"items":[]}"#, token: token)
        #expect(noKey.status == 400)
    }
}

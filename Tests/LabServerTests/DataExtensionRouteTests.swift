import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Data extension definitions over HTTP (`/data/v1/customobjects`).
@Suite struct DataExtensionRouteTests {
    /// Segment's create body, sendable, then read back whole: definition, fields and their GUIDs.
    @Test func aDataExtensionCreatedOverHTTPReadsBackAsSent() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let body = """
            {"name":"Subscribers","key":"SUBS","description":"","categoryId":12345,"isSendable":true,
             "sendableCustomObjectField":"SubscriberKey","sendableSubscriberField":"_SubscriberKey",
             "fields":[
              {"name":"SubscriberKey","type":"Text","isNullable":false,"isPrimaryKey":true,"length":254,"scale":0,"ordinal":0},
              {"name":"Score","type":"Decimal","length":10,"scale":2,"ordinal":2},
              {"name":"Joined","type":"Date","defaultValue":"GetDate()","ordinal":1},
              {"name":"Nickname","type":"Text","maxLength":"30","isNullable":true,"ordinal":3}]}
            """
        let created = try await fixture.send("POST", "/data/v1/customobjects", body: body, token: token)
        #expect(created.status == 201, "\(created.text)")
        let id = try #require(created.json["id"]?.text)
        #expect(created.json["key"] == .string("SUBS"))
        #expect(created.json["sendableCustomObjectField"] == .string("SubscriberKey"))
        #expect(created.json["sendableSubscriberField"] == .string("_SubscriberKey"))

        let de = try fixture.workspace.dataExtension(.externalKey("SUBS"))
        #expect(de.fields.map(\.name) == ["SubscriberKey", "Joined", "Score", "Nickname"])
        #expect(de.field(named: "Score")?.type == .decimal(precision: 10, scale: 2))
        #expect(de.field(named: "Nickname")?.length == 30)
        #expect(de.sendableField?.name == "SubscriberKey")

        let fields = try await fixture.send("GET", "/data/v1/customobjects/\(id)/fields", token: token)
        #expect(fields.json["id"] == .string(id))
        let listed = try #require(fields.json["fields"]?.array)
        #expect(listed.map { $0["name"] } == de.fields.map { .string($0.name) })
        #expect(listed.map { $0["id"] } == de.fields.map { .string($0.id.uuidString.lowercased()) })
        #expect(listed[0]["isPrimaryKey"] == .bool(true) && listed[0]["isNullable"] == .bool(false))
        #expect(listed[2]["type"] == .string("Decimal") && listed[2]["length"] == .number(10) && listed[2]["scale"] == .number(2))
        #expect(listed[1]["defaultValue"] == .string("GetDate()"))

        let read = try await fixture.send("GET", "/data/v1/customobjects/\(id)", token: token)
        #expect(read.json["name"] == .string("Subscribers") && read.json["isSendable"] == .bool(true))
        let search = try await fixture.send("GET", "/data/v1/customobjects?$search=subs", token: token)
        #expect(search.json["count"] == .number(1))
        #expect(search.json["items"]?.array?.first?["key"] == .string("SUBS"))
    }

    @Test func patchMakesADataExtensionSendableAndRenamesIt() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let created = try await fixture.send(
            "POST", "/data/v1/customobjects",
            body: #"{"name":"Leads","fields":[{"name":"Email","type":"EmailAddress","isPrimaryKey":true}]}"#, token: token)
        let id = try #require(created.json["id"]?.text)
        #expect(created.json["isSendable"] == .bool(false))
        #expect(created.json["key"]?.text?.isEmpty == false)
        let patched = try await fixture.send(
            "PATCH", "/data/v1/customobjects/\(id)",
            body: #"{"name":"Hot Leads","isSendable":true,"sendableCustomObjectField":"Email"}"#, token: token)
        #expect(patched.status == 200, "\(patched.text)")
        #expect(patched.json["name"] == .string("Hot Leads") && patched.json["sendableCustomObjectField"] == .string("Email"))
        #expect(try fixture.workspace.dataExtension(.name("Hot Leads")).isSendable)
    }

    @Test func badDefinitionsAndUnknownIDsAreRefused() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let badType = try await fixture.send(
            "POST", "/data/v1/customobjects", body: #"{"name":"X","fields":[{"name":"A","type":"Blob"}]}"#, token: token)
        #expect(badType.status == 400)
        #expect(badType.json["message"]?.text?.contains("unknown type Blob") == true)
        let duplicate = try await fixture.send(
            "POST", "/data/v1/customobjects", body: #"{"name":"Members","fields":[{"name":"A","type":"Text"}]}"#, token: token)
        #expect(duplicate.status == 400)
        let noField = try await fixture.send(
            "POST", "/data/v1/customobjects", body: #"{"name":"Y","isSendable":true,"fields":[{"name":"A"}]}"#, token: token)
        #expect(noField.status == 400)
        let unknown = try await fixture.send("GET", "/data/v1/customobjects/\(UUID().uuidString)", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.json["errorcode"] == .number(10001))
        let readOnly = try await fixture.token(scope: "data_extensions_read")
        let forbidden = try await fixture.send(
            "POST", "/data/v1/customobjects", body: #"{"name":"Z","fields":[{"name":"A"}]}"#, token: readOnly)
        #expect(forbidden.status == 403)
        #expect(try fixture.workspace.dataExtensions().count == 2)
    }
}

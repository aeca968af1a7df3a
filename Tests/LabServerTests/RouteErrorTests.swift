import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// The error side of each route, and the request forms not covered by the seed's bodies.
@Suite struct RouteErrorTests {
    @Test func contactEventsByContactIDAndItsRefusals() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let sam = try fixture.workspace.contact(.key("sam@sausage.com"))
        let body = """
            {"contactID":\(sam.id),"eventDefinitionKey":"\(EmulatorFixture.seedTriggerKey)",
             "data":[{"id":"\(EmulatorFixture.seedEventDataKey)","name":"Member Preferences","key":"pref-1","items":[{"values":[{"name":"Preference","value":"saveloy"}]}]}]}
            """
        let reply = try await fixture.send("POST", "/contacts/v1/contactEvents", body: body, token: token)
        #expect(reply.status == 200, "\(reply.text)")
        await fixture.workspace.engine.settle()
        #expect(try fixture.flags()["sam@sausage.com"] == "True")

        let unknown = try await fixture.send(
            "POST", "/contacts/v1/contactEvents",
            body: #"{"contactKey":"sam@sausage.com","eventDefinitionKey":"NOPE","data":[]}"#,
            token: token)
        #expect(unknown.status == 400)
        #expect(unknown.json["message"] == .string(#"No event definition has the key "NOPE"."#))
        let mismatched = try await fixture.send(
            "POST", "/contacts/v1/contactEvents",
            body:
                #"{"contactKey":"sam@sausage.com","eventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","data":[{"id":"\#(fixture.seed.members.externalKey)","name":"Member Preferences","items":[]}]}"#,
            token: token)
        #expect(mismatched.status == 400)
        #expect(mismatched.json["message"]?.text?.contains("name two different data extensions") == true)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.eventData.id)) == 1)
    }

    /// A query parameter that is not of its type is refused, naming it; a method a path does
    /// not answer gets 405 with the methods it does.
    @Test func wrongTypedParametersAndMethodsAreRefused() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        for path in [
            "/data/v1/customobjects?$pageSize=many", "/data/v1/customobjects?$page=null",
            "/data/v1/customobjects?$pageSize=99999999999",
            "/interaction/v1/interactions?mostRecentVersionOnly=maybe",
            "/interaction/v1/interactions/key:member-updates?versionNumber=1.5",
        ] {
            let refused = try await fixture.send("GET", path, token: token)
            #expect(refused.status == 400, "\(path): \(refused.text)")
            #expect(refused.json["errorcode"] == .number(10001), "\(path)")
            #expect(refused.json["message"]?.text?.hasPrefix("Parameter ") == true, "\(path): \(refused.text)")
        }
        let listed = try await fixture.send(
            "GET", "/interaction/v1/interactions?mostRecentVersionOnly=FALSE&$pageSize=5", token: token)
        #expect(listed.status == 200, "\(listed.text)")
        let wrongMethod = try await fixture.send("DELETE", "/interaction/v1/events", token: token)
        #expect(wrongMethod.status == 405, "\(wrongMethod.text)")
        #expect(wrongMethod.headers["allow"] == "POST")
        #expect(wrongMethod.json["message"] == .string("The method is not allowed here: use POST."))
        let nowhere = try await fixture.send("GET", "/interaction/v1/nowhere", token: token)
        #expect(nowhere.status == 404)
    }

    @Test func aCompositeKeyRowIsNamedByEveryKeyInThePath() async throws {
        let fixture = try await EmulatorFixture()
        let prices = try fixture.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Prices", externalKey: "PRICES",
                fields: [
                    Field(name: "Sku", type: .text, isPrimaryKey: true), Field(name: "Region", type: .text, isPrimaryKey: true),
                    Field(name: "Price", type: .decimal(precision: 18, scale: 2)),
                ]))
        let token = try await fixture.token()
        let put = try await fixture.send(
            "PUT", "/hub/v1/dataevents/key:PRICES/rows/Sku:S-1,Region:EU", body: #"{"values":{"Price":"9.90"}}"#, token: token)
        #expect(put.status == 200, "\(put.text)")
        #expect(put.json["keys"] == .object(["Sku": .string("S-1"), "Region": .string("EU")]))
        let again = try await fixture.send(
            "PUT", "/hub/v1/dataevents/key:PRICES/rows/Sku:S-1,Region:EU", body: #"{"values":{"Price":10.5}}"#, token: token)
        #expect(again.status == 200)
        let rows = try fixture.workspace.rows(of: .id(prices.id)).records
        #expect(rows.count == 1 && rows[0].texts(in: prices)["Price"] == "10.50")

        let halfKey = try await fixture.send(
            "PUT", "/hub/v1/dataevents/key:PRICES/rows/Sku:S-2", body: #"{"values":{"Price":"1"}}"#, token: token)
        #expect(halfKey.status == 400)
        #expect(halfKey.json["errorcode"] == .number(10006))
        let badPath = try await fixture.send(
            "PUT", "/hub/v1/dataevents/key:PRICES/rows/S-2", body: #"{"values":{}}"#, token: token)
        #expect(badPath.status == 400)
    }

    @Test func anUnknownRowsetTokenAndAMalformedMembershipRequestAreRefused() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let stale = try await fixture.send(
            "GET", "/data/v1/customobjectdata/token/\(UUID().uuidString)/rowset?$page=2", token: token)
        #expect(stale.status == 400)
        #expect(stale.json["message"]?.text?.contains("unknown or has expired") == true)
        let malformed = try await fixture.send("POST", "/interaction/v1/interactions/contactMembership", body: "[", token: token)
        #expect(malformed.status == 400)
        #expect(malformed.json["errorcode"] == .number(400))
    }

    /// What "the default port, or a free one" rests on: a port a server holds reads as taken.
    @Test func aPortAServerHoldsIsNotFree() async throws {
        let fixture = try await EmulatorFixture()
        let port = try #require(Int(fixture.baseURL.split(separator: ":").last ?? ""))
        #expect(EmulatorAddress.isFree(port: port) == false)
        #expect(EmulatorAddress.isFree(port: port, host: "::1") == nil)
    }
}

import Foundation
import LabJSON
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Data extension rows over HTTP: hub upserts and customobjectdata reads.
@Suite struct RowRouteTests {
    @Test func theRowsetReadsBackTheFlagsTheEngineFlipped() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        try fixture.workspace.runOnce(fixture.seed.automation.id)
        await fixture.workspace.engine.settle()
        let key = fixture.seed.members.externalKey
        let reply = try await fixture.send(
            "GET", "/data/v1/customobjectdata/key/\(key)/rowset?$filter=Updated%20eq%20'True'&$orderBy=MemberID%20desc",
            token: token)
        #expect(reply.status == 200, "\(reply.text)")
        let json = reply.json
        #expect(json["count"] == .number(3) && json["page"] == .number(1) && json["pageSize"] == .number(2500))
        #expect(json["customObjectKey"] == .string(key))
        #expect(json["links"]?["next"] == nil)
        let items = try #require(json["items"]?.array)
        #expect(
            items.map { $0["keys"]?["emailaddress"] } == [
                .string("sally@sausage.com"), .string("sam@sausage.com"), .string("susan@sausage.com"),
            ])
        #expect(
            items[0]["values"]
                == .object([
                    "memberid": .string("3"), "firstname": .string("Sally"), "lastname": .string("Saveloy"),
                    "updated": .string("True"),
                    "eventinstanceid": .string(""),
                ]))

        let none = try await fixture.send(
            "GET", "/data/v1/customobjectdata/key/\(key)/rowset?$filter=Updated%20eq%20'False'", token: token)
        #expect(none.json["count"] == .number(0))
        #expect(none.json["items"] == nil)
        #expect(!none.text.contains("\"items\""))
    }

    @Test func pagesLinkToTheNextThroughTheRequestToken() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = fixture.seed.members.externalKey
        let first = try await fixture.send("GET", "/data/v1/customobjectdata/key/\(key)/rowset?$pageSize=2", token: token)
        #expect(first.json["count"] == .number(3) && first.json["items"]?.array?.count == 2)
        guard case .string(let next) = first.json["links"]?["next"] else { Issue.record("no next link: \(first.text)"); return }
        #expect(next.hasPrefix("/v1/customobjectdata/token/") && next.hasSuffix("/rowset?$page=2"))
        // Joined to the base URL as clients join it, with the doubled slash that gives.
        let second = try await fixture.send("GET", "/" + next, token: token)
        #expect(second.status == 200, "\(second.text)")
        #expect(second.json["page"] == .number(2))
        #expect(second.json["items"]?.array?.map { $0["keys"]?["emailaddress"] } == [.string("sally@sausage.com")])
        #expect(second.json["links"]?["next"] == nil)

        let badFilter = try await fixture.send(
            "GET", "/data/v1/customobjectdata/key/\(key)/rowset?$filter=Updated%20is%20maybe", token: token)
        #expect(badFilter.status == 400)
        let unknownKey = try await fixture.send("GET", "/data/v1/customobjectdata/key/NOPE/rowset", token: token)
        #expect(unknownKey.status == 400)
        #expect(unknownKey.json["message"] == .string("Data Extension with key NOPE not found."))
    }

    @Test func hubRowsetUpsertsRowsInOrderAndEchoesTheArray() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = fixture.seed.members.externalKey
        let body = """
            [{"keys":{"EmailAddress":"sam@sausage.com"},"values":{"FirstName":"Samuel","Updated":true}},
             {"keys":{"emailaddress":"sid@sausage.com"},"values":{"MemberID":4,"FirstName":"Sid"}}]
            """
        let reply = try await fixture.send("POST", "//hub/v1/dataevents/key:\(key)/rowset", body: body, token: token)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.json == (try JSONValue(parsing: Data(body.utf8))))
        let sam = try fixture.workspace.rows(
            of: .id(fixture.seed.members.id), matching: .compare(field: "EmailAddress", .equals, value: "sam@sausage.com")
        ).records[0].texts(in: fixture.seed.members)
        #expect(sam["FirstName"] == "Samuel" && sam["Updated"] == "True" && sam["LastName"] == "Sausage")
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 4)

        let bad = """
            [{"keys":{"EmailAddress":"new@sausage.com"},"values":{"FirstName":"New"}},
             {"keys":{"EmailAddress":"not an email"},"values":{}}]
            """
        let refused = try await fixture.send("POST", "/hub/v1/dataevents/key:\(key)/rowset", body: bad, token: token)
        #expect(refused.status == 400)
        // Rows are saved in order up to the refused one, as Marketing Cloud does.
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 5)
        #expect(refused.json["errorcode"] == .number(10006))
        #expect(
            refused.json["message"]
                == .string("Unable to save rows for data extension ID \(fixture.seed.members.id.uuidString.lowercased())"))
        #expect(refused.json["additionalErrors"]?.array?.first?["message"]?.text?.hasPrefix("EmailAddress:") == true)

        let wrongKey = try await fixture.send(
            "POST", "/hub/v1/dataevents/key:\(key)/rowset", body: #"[{"keys":{"SubscriberKey":"x"},"values":{}}]"#, token: token)
        #expect(wrongKey.json["message"] == .string("Primary key 'subscriberkey' does not exist."))

        let readOnly = try await fixture.token(scope: "data_extensions_read")
        let forbidden = try await fixture.send("POST", "/hub/v1/dataevents/key:\(key)/rowset", body: body, token: readOnly)
        #expect(forbidden.status == 403)
    }

    @Test func hubPutUpsertsOneRowNamedInThePath() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = fixture.seed.members.externalKey
        let reply = try await fixture.send(
            "PUT", "/hub/v1/dataevents/key:\(key)/rows/EmailAddress:sally%40sausage.com",
            body: #"{"values":{"LastName":"Sausage","Updated":"True"}}"#, token: token)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.json["keys"] == .object(["EmailAddress": .string("sally@sausage.com")]))
        let sally = try fixture.workspace.rows(
            of: .id(fixture.seed.members.id), matching: .compare(field: "EmailAddress", .equals, value: "sally@sausage.com")
        ).records[0].texts(in: fixture.seed.members)
        #expect(sally["LastName"] == "Sausage" && sally["Updated"] == "True" && sally["FirstName"] == "Sally")
    }
}

extension RowRouteTests {
    /// `$filter` as FuelSDK writes it, and as Python and JavaScript clients encode it.
    @Test(
        arguments: [
            ("MemberID%20gt%201%20and%20FirstName%20like%20'S%25'", ["sam@sausage.com", "sally@sausage.com"]),
            ("%24filter", []),
            ("FirstName+like+'%25an'", ["susan@sausage.com"]),
            ("(MemberID%20eq%201%20or%20MemberID%20eq%203)%20and%20LastName%20ne%20'Saveloy'", ["susan@sausage.com"]),
            ("LastName%20like%20'Sau_age'", ["susan@sausage.com", "sam@sausage.com"]),
            ("MemberID%20lt%203%20and%20not%20here", nil),
        ] as [(String, [String]?)])
    func filtersSelectTheRowsTheySay(filter: String, expected: [String]?) async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let key = fixture.seed.members.externalKey
        // "%24filter" stands for: the parameter name itself encoded, with Updated+eq+'False'.
        let query = filter == "%24filter" ? "%24filter=Updated+eq+%27False%27&%24orderBy=MemberID+desc" : "$filter=\(filter)"
        let reply = try await fixture.send("GET", "/data/v1/customobjectdata/key/\(key)/rowset?\(query)", token: token)
        guard let expected else {
            #expect(reply.status == 400)
            return
        }
        #expect(reply.status == 200, "\(reply.text)")
        let emails = (reply.json["items"]?.array ?? []).compactMap { $0["keys"]?["emailaddress"]?.text }
        if filter == "%24filter" {
            #expect(emails == ["sally@sausage.com", "sam@sausage.com", "susan@sausage.com"])
        } else {
            #expect(emails == expected)
        }
    }

    @Test func rowsCanBeAddressedByTheDataExtensionsObjectID() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let id = fixture.seed.members.id.uuidString.lowercased()
        let post = try await fixture.send(
            "POST", "/hub/v1/dataevents/\(id)/rowset",
            body: #"[{"keys":{"EmailAddress":"sue@sausage.com"},"values":{"MemberID":6}}]"#,
            token: token)
        #expect(post.status == 200, "\(post.text)")
        let read = try await fixture.send("GET", "/data/v1/customobjectdata/\(id)/rowset", token: token)
        #expect(read.json["count"] == .number(4))
        let bad = try await fixture.send("GET", "/data/v1/customobjectdata/not-a-guid/rowset", token: token)
        #expect(bad.status == 400)
        #expect(bad.json["message"] == .string("Parameter not-a-guid is invalid."))
    }
}

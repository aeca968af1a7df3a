import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// The OpenAPI document and the server agree: the same routes, the document served at
/// /openapi.json pointing at the server, and a checker that does catch a reply that differs.
/// (Every reply in the other HTTP tests goes through the same checker, in `EmulatorFixture.send`.)
@Suite struct OpenAPIContractTests {
    @Test func theDocumentAndTheRouterListTheSameRoutes() async throws {
        let fixture = try await EmulatorFixture()
        let routed = Set(
            Emulator(workspace: fixture.workspace, tokenLifetime: nil).routes.map { route in
                "\(route.method.rawValue) /\(route.pattern.joined(separator: "/"))"
            })
        let documented = OpenAPIContract.shipped.operations
        #expect(routed.count > 40)
        #expect(routed.subtracting(documented).sorted() == [], "routes the document lacks")
        #expect(documented.subtracting(routed).sorted() == [], "documented routes the server lacks")
    }

    @Test func theDocumentIsServedWithThisServerAsItsServer() async throws {
        let fixture = try await EmulatorFixture()
        let reply = try await fixture.send("GET", "/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.json["openapi"]?.text?.hasPrefix("3.") == true)
        #expect(reply.json["servers"] == .array([.object(["url": .string(fixture.baseURL)])]))
        guard case .object(var served) = reply.json, case .object(var shipped) = OpenAPIContract.shipped.document else {
            Issue.record("not objects")
            return
        }
        (served["servers"], shipped["servers"]) = (nil, nil)
        #expect(served == shipped)
    }

    @Test func theDocumentUsesOnlyWhatTheCheckerChecks() {
        #expect(OpenAPIContract.shipped.uncheckedSchemaParts() == [])
        let loose = OpenAPIContract(
            document: .object([
                "paths": .object([
                    "/x": .object([
                        "get": .object([
                            "responses": .object([
                                "200": .object([
                                    "content": .object([
                                        "application/json": .object([
                                            "schema": .object([
                                                "type": .array([.string("string"), .string("null")]), "pattern": .string("a+"),
                                            ])
                                        ])
                                    ])
                                ])
                            ])
                        ])
                    ])
                ])
            ]))
        #expect(loose.uncheckedSchemaParts().count == 2)
    }

    /// The checker is what makes the other tests a contract: it must fail on a wrong reply.
    @Test func theCheckerCatchesAWrongStatusAWrongShapeAndAnUnknownRoute() {
        let contract = OpenAPIContract.shipped
        #expect(
            contract.template(for: "/hub/v1/dataevents/key:MEMBERS/rowset", method: "POST")?.template
                == "/hub/v1/dataevents/key:{key}/rowset")
        #expect(
            contract.template(for: "/hub/v1/dataevents/0a1b/rowset", method: "POST")?.template == "/hub/v1/dataevents/{id}/rowset"
        )
        #expect(contract.problems(method: "POST", path: "/v2/token", status: 200, body: #"{"access_token":42}"#) != [])
        #expect(contract.problems(method: "POST", path: "/interaction/v1/events", status: 201, body: #"{}"#) != [])
        #expect(
            contract.problems(method: "POST", path: "/interaction/v1/events", status: 201, body: #"{"eventInstanceId":"x"}"#)
                == [])
        #expect(contract.problems(method: "GET", path: "/no/such/route", status: 200, body: "{}") != [])
        #expect(contract.problems(method: "GET", path: "/no/such/route", status: 404, body: "{}") == [])
        #expect(contract.problems(method: "POST", path: "/interaction/v1/events", status: 201, body: "") != [])
    }
}

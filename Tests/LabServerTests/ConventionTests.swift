import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// What holds for every route: doubled slashes, any key casing, JSON errors, body limits.
@Suite struct ConventionTests {
    @Test func doubledSlashesAndAnyKeyCasingRouteTheSame() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let reply = try await fixture.send(
            "POST", "//INTERACTION//v1/Events",
            body:
                #"{"contactkey":"sam@sausage.com","EVENTDEFINITIONKEY":"\#(EmulatorFixture.seedTriggerKey)","data":{"emailaddress":"sam@sausage.com"}}"#,
            token: token)
        #expect(reply.status == 201, "\(reply.text)")
        await fixture.workspace.engine.settle()
        #expect(try fixture.flags()["sam@sausage.com"] == "True")
    }

    @Test func unknownRoutesMalformedAndOversizeBodiesAnswerInTheEnvelope() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let missing = try await fixture.send("GET", "/nothing/v1/here", token: token)
        #expect(missing.status == 404)
        #expect(missing.json["message"] == .string("Not Found") && missing.json["errorcode"] == .number(404))

        let malformed = try await fixture.send("POST", "/interaction/v1/events", body: "{not json", token: token)
        #expect(malformed.status == 400)
        #expect(malformed.json["message"] == .string("Please validate that your request is properly formed."))

        let huge = "[" + String(repeating: "1,", count: 3_000_000) + "1]"
        let oversize = try await fixture.send("POST", "/interaction/v1/events", body: huge, token: token)
        #expect(oversize.status == 413)
        #expect(oversize.json["errorcode"] == .number(413))
        #expect(oversize.headers["content-type"]?.hasPrefix("application/json") == true)
    }

    @Test func everyRequestIsLoggedWithSecretsMasked() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let entry = try fixture.workspace.requestLog(last: 1)[0]
        #expect(entry.method == "POST" && entry.path == "/v2/token" && entry.status == 200)
        #expect(!entry.requestBody.contains(fixture.seed.app.clientSecret))
        #expect(entry.requestBody.contains(#""client_secret":"••••""#))
        #expect(!entry.responseBody.contains(token))
        #expect(entry.responseBody.contains(#""access_token":"••••""#))
    }
}

extension ConventionTests {
    @Test func secretsAreMaskedWhateverTheCaseOfTheirNames() async throws {
        let fixture = try await EmulatorFixture()
        let app = fixture.seed.app
        let reply = try await fixture.send(
            "POST", "/v1/requestToken", body: #"{"ClientId":"\#(app.clientID)","CLIENTSECRET":"\#(app.clientSecret)"}"#)
        #expect(reply.status == 200)
        let entry = try fixture.workspace.requestLog(last: 1)[0]
        #expect(!entry.requestBody.contains(app.clientSecret))
        #expect(entry.requestBody.contains(#""CLIENTSECRET":"••••""#))
    }
}

import Foundation
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// Tokens over real HTTP: the legacy and OAuth routes, bearer checks, scopes, expiry.
@Suite struct AuthTests {
    @Test func theSeedsRequestTokenBodyGetsALegacyToken() async throws {
        let fixture = try await EmulatorFixture()
        let app = fixture.seed.app
        // The seed's request as printed, with an app holding its sample credentials.
        try fixture.workspace.ensureApp(clientID: "gyjzvytv7ukqtfn3x2qdyfsn", clientSecret: "SJbAEenSK2SVBK4d4vBV6NKT")
        let body = """
            {
              "clientId": "gyjzvytv7ukqtfn3x2qdyfsn",
              "clientSecret": "SJbAEenSK2SVBK4d4vBV6NKT"
            }
            """
        let reply = try await fixture.send("POST", "/v1/requestToken", body: body)
        #expect(reply.status == 200)
        #expect(reply.json["expiresIn"] == .number(3600))
        guard case .string(let token) = reply.json["accessToken"] else { Issue.record("no accessToken: \(reply.text)"); return }
        #expect(reply.json["legacyToken"] == .string(token))
        #expect(reply.json["refreshToken"] == nil)
        #expect(
            try fixture.workspace.journal(last: 1)[0].sentence.hasPrefix(
                "Issued an access token to JourneyLab Scripts through /v1/requestToken"))

        let offline = try await fixture.send(
            "POST", "/v1/requestToken?legacy=1",
            body: #"{"clientId":"\#(app.clientID)","clientSecret":"\#(app.clientSecret)","accessType":"offline"}"#)
        guard case .string(let refresh) = offline.json["refreshToken"] else {
            Issue.record("no refreshToken: \(offline.text)"); return
        }
        let withRefresh = #"{"clientId":"\#(app.clientID)","clientSecret":"\#(app.clientSecret)","refreshToken":"\#(refresh)"}"#
        let refreshed = try await fixture.send("POST", "/v1/requestToken", body: withRefresh)
        #expect(refreshed.status == 200)
        guard case .string(let legacy) = refreshed.json["accessToken"] else {
            Issue.record("no token: \(refreshed.text)"); return
        }
        // A legacy token works on REST routes like any other.
        let fired = try await fixture.send(
            "POST", "/interaction/v1/events",
            body:
                #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","Data":{"EmailAddress":"sam@sausage.com"}}"#,
            token: legacy)
        #expect(fired.status == 201)
        let reused = try await fixture.send("POST", "/v1/requestToken", body: withRefresh)
        #expect(reused.status == 401)
        #expect(
            reused.json == .object(["message": .string("Unauthorized"), "errorcode": .number(1), "documentation": .string("")]))
    }

    @Test func v2TokenTakesJSONOrAFormAndPointsClientsBackHere() async throws {
        let fixture = try await EmulatorFixture()
        let app = fixture.seed.app
        let json = try await fixture.send(
            "POST", "/v2/token",
            body:
                #"{"grant_type":"client_credentials","client_id":"\#(app.clientID)","client_secret":"\#(app.clientSecret)","account_id":"123456"}"#
        )
        #expect(json.status == 200)
        #expect(json.json["token_type"] == .string("Bearer"))
        #expect(json.json["expires_in"] == .number(1079))
        #expect(json.json["rest_instance_url"] == .string(fixture.baseURL + "/"))
        #expect(json.json["soap_instance_url"] == .string(fixture.baseURL + "/"))
        #expect(json.json["refresh_token"] == nil)
        #expect(json.json["scope"]?.text?.split(separator: " ").contains("journeys_execute") == true)

        let form = try await fixture.send(
            "POST", "/v2/token",
            body:
                "grant_type=client_credentials&client_id=\(app.clientID)&client_secret=\(app.clientSecret)&scope=data_extensions_read",
            contentType: "application/x-www-form-urlencoded")
        #expect(form.status == 200)
        #expect(form.json["scope"] == .string("data_extensions_read"))

        let bad = try await fixture.send(
            "POST", "/v2/token",
            body: #"{"grant_type":"client_credentials","client_id":"\#(app.clientID)","client_secret":"wrong"}"#)
        #expect(bad.status == 401)
        #expect(bad.json["error"] == .string("invalid_client"))
        #expect(bad.json["error_uri"] == .string("https://developer.salesforce.com/docs"))

        let outside = try await fixture.send(
            "POST", "/v2/token",
            body:
                #"{"grant_type":"client_credentials","client_id":"\#(app.clientID)","client_secret":"\#(app.clientSecret)","scope":"email_send"}"#
        )
        #expect(outside.status == 400)
        #expect(outside.json["error"] == .string("invalid_scope"))
    }

    @Test func aMissingOrUnknownTokenIsNotAuthorizedWithTheHeaderClientsRetryOn() async throws {
        let fixture = try await EmulatorFixture()
        for token in [nil, "not-a-token"] {
            let reply = try await fixture.send("POST", "/interaction/v1/events", body: "{}", token: token)
            #expect(reply.status == 401)
            #expect(reply.json["message"] == .string("Not Authorized"))
            #expect(reply.json["errorcode"] == .number(0))
            #expect(reply.headers["www-authenticate"]?.contains(#"error="invalid_token""#) == true)
        }
    }

    @Test func aScopeTheRouteNeedsAndTheTokenLacksIsForbidden() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token(scope: "data_extensions_read")
        let reply = try await fixture.send(
            "POST", "/interaction/v1/events",
            body: #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","Data":{}}"#,
            token: token)
        #expect(reply.status == 403)
        #expect(
            reply.json
                == .object([
                    "message": .string("Insufficient privileges to complete this action."), "errorcode": .number(20002),
                    "documentation": .string(""),
                ]))
        #expect(try fixture.flags()["sam@sausage.com"] == "False")
    }

    @Test func tokensExpire() async throws {
        // Long enough that a loaded machine still makes the first call in time.
        let fixture = try await EmulatorFixture(tokenLifetime: 5)
        let token = try await fixture.token()
        let body =
            #"{"ContactKey":"sam@sausage.com","EventDefinitionKey":"\#(EmulatorFixture.seedTriggerKey)","Data":{"EmailAddress":"sam@sausage.com"}}"#
        #expect(try await fixture.send("POST", "/interaction/v1/events", body: body, token: token).status == 201)
        var expired: EmulatorFixture.Reply?
        let deadline = Date().addingTimeInterval(20)
        while expired == nil, Date() < deadline {
            let reply = try await fixture.send("POST", "/interaction/v1/events", body: body, token: token)
            if reply.status == 401 { expired = reply } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(expired?.headers["www-authenticate"]?.contains("The access token expired") == true)
    }
}

extension AuthTests {
    /// `curl -d '{…}'` without a Content-Type labels JSON as a form.
    @Test func jsonLabelledAsAFormIsStillRead() async throws {
        let fixture = try await EmulatorFixture()
        let app = fixture.seed.app
        let reply = try await fixture.send(
            "POST", "/v2/token",
            body: #"{"grant_type":"client_credentials","client_id":"\#(app.clientID)","client_secret":"\#(app.clientSecret)"}"#,
            contentType: "application/x-www-form-urlencoded")
        #expect(reply.status == 200, "\(reply.text)")
    }
}

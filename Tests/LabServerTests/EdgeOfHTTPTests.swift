import Foundation
import LabJSON
import LabModel
import TestSupport
import Testing

@testable import LabServer

/// What travels around the routes: credentials however they are spelled never reach the
/// request log or the console in clear, and requests the HTTP layer cannot read — or will not
/// read whole — are answered in the envelope and leave the server answering.
@Suite struct EdgeOfHTTPTests {
    @Test func credentialsAreMaskedHoweverTheyAreSpelled() async throws {
        let fixture = try await EmulatorFixture()
        try fixture.workspace.ensureApp(clientID: "script-client", clientSecret: "script-secret")
        let json = "application/json"
        let form = "application/x-www-form-urlencoded"
        let spellings: [(path: String, body: String, contentType: String)] = [
            // A JSON member name written with an escape, and with whitespace before its colon.
            (
                "/v2/token",
                #"{"grant_type":"client_credentials","client_id":"script-client","client\u005fsecret":"script-secret"}"#, json
            ),
            (
                "/v2/token",
                #"{"grant_type":"client_credentials","client_id":"script-client","client_secret"  :  "script-secret"}"#, json
            ),
            // A form field name percent-encoded, and a form holding a brace.
            ("/v2/token", "grant_type=client_credentials&client_id=script-client&client%5Fsecret=script-secret", form),
            ("/v2/token", "grant_type=client_credentials&client_id=script-client&client_secret=script-secret&note={x}", form),
            // The secret in the query string as well (the console prints the query).
            (
                "/v2/token?client_secret=script-secret&client%5Fsecret=script-secret",
                #"{"grant_type":"client_credentials","client_id":"script-client","client_secret":"script-secret"}"#, json
            ),
            // The legacy route, its names in another case.
            ("/v1/requestToken", #"{"clientId":"script-client","CLIENT\u0053ECRET":"script-secret"}"#, json),
        ]
        var tokens: [String] = []
        for spelling in spellings {
            let reply = try await fixture.send("POST", spelling.path, body: spelling.body, contentType: spelling.contentType)
            #expect(reply.status == 200, "\(spelling.body): \(reply.text)")
            let token = try #require((reply.json["access_token"] ?? reply.json["accessToken"])?.text, "\(reply.text)")
            tokens.append(token)
        }
        // A bearer token in a header.
        let listed = try await fixture.send("GET", "/data/v1/customobjects?$pageSize=1", token: tokens[0])
        #expect(listed.status == 200)

        let log = try fixture.workspace.requestLog(last: 100)
        let logged = log.map { entry in
            ([entry.path, entry.query, entry.client, entry.requestBody, entry.responseBody]
                + entry.headers.map { "\($0.name): \($0.value)" }).joined(separator: "\n")
        }
        for secret in ["script-secret"] + tokens {
            #expect(!logged.contains { $0.contains(secret) }, "\(secret) is in the request log")
            #expect(!fixture.accessLogLines.contains { $0.contains(secret) }, "\(secret) is on the console")
        }
        // Each part is kept, masked: the query, the headers, the client.
        let queried = try #require(log.first { $0.query.contains("client_secret") })
        #expect(queried.query == "client_secret=••••&client%5Fsecret=••••")
        #expect(fixture.accessLogLines.contains { $0.hasPrefix("POST /v2/token?client_secret=••••&client%5Fsecret=••••") })
        let authorized = try #require(log.last { $0.path == "/data/v1/customobjects" })
        #expect(authorized.headers.contains(LoggedHeader(name: "Authorization", value: "Bearer ••••")))
        #expect(authorized.query == "$pageSize=1" && authorized.client.hasPrefix("127.0.0.1:"))
        #expect(log.first?.requestBody.contains(#""client_secret":"••••""#) == true)
        #expect(log.contains { $0.requestBody == "grant_type=client_credentials&client_id=script-client&client%5Fsecret=••••" })
    }

    @Test func requestsTheHTTPLayerCannotReadAreAnsweredInTheEnvelope() async throws {
        let fixture = try await EmulatorFixture()
        let before = try WorkspaceSnapshot(fixture.workspace)
        let longURL =
            "GET /data/v1/customobjects?$search=" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
        let heavyHeader =
            "GET /data/v1/customobjects HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 100_000)
            + "\r\n\r\n"
        let requests: [[UInt8]] = [
            Array(longURL.utf8), Array(heavyHeader.utf8),
            Array("GET /data/v1/custom".utf8) + [0xFF, 0xFE] + Array("objects HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
            Array("GET /data/v1/customobjects HTTP/1.1\r\nHost: x\r\nX-Nul: a".utf8) + [0] + Array("b\r\n\r\n".utf8),
        ]
        for request in requests {
            let connection = try RawHTTPConnection(baseURL: fixture.baseURL)
            defer { connection.close() }
            let reply = try await connection.exchange(request)
            #expect(reply.status == 400, "\(reply.body)")
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(reply.json["errorcode"] == .number(400), "\(reply.body)")
            #expect(reply.json["message"]?.text?.isEmpty == false)
        }
        #expect(try WorkspaceSnapshot(fixture.workspace) == before)
        let unreadable = try fixture.workspace.requestLog().filter { $0.method.isEmpty }
        #expect(unreadable.count == requests.count)
        #expect(
            unreadable.allSatisfy { $0.status == 400 && $0.client.hasPrefix("127.0.0.1:") && $0.responseBody.contains("400") })
        #expect(try await fixture.send("POST", "/v2/token", body: "{}").status == 400)
    }

    @Test func aRefusedUploadIsAnsweredAndClosedThoughTheClientWritesItWhole() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let before = try WorkspaceSnapshot(fixture.workspace)
        // 20 MB closing the connection (the client that hung), 6 MB keeping it open.
        for (size, closing) in [(20 * 1024 * 1024, true), (6 * 1024 * 1024, false)] {
            let body = [UInt8](repeating: UInt8(ascii: "a"), count: size)
            let connection = try RawHTTPConnection(baseURL: fixture.baseURL, timeout: 30)
            defer { connection.close() }
            let head =
                "POST /interaction/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
                + (closing ? "Connection: close\r\n" : "") + "\r\n"
            // Written whole before anything is read: a server that stopped reading makes this time out.
            let reply = try await connection.exchange(Array(head.utf8) + body)
            #expect(reply.status == 413)
            #expect(reply.json["errorcode"] == .number(413))
            if closing { #expect(try await connection.isClosedByServer()) }
        }
        #expect(try WorkspaceSnapshot(fixture.workspace) == before)
        #expect(try await fixture.send("GET", "/platform/v1/tokenContext", token: token).status == 200)
    }
}

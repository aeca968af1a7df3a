import Foundation
import LabJSON
import LabModel
import Synchronization
import TestSupport
import Testing

@testable import LabServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A running emulator with the tutorial's configuration, and plain HTTP requests to it.
final class EmulatorFixture: Sendable {
    static let seedTriggerKey = RunningEmulator.seedTriggerKey
    static let seedEventDataKey = RunningEmulator.seedEventDataKey

    let emulator: RunningEmulator
    var folder: URL { emulator.folder }
    var workspace: Workspace { emulator.workspace }
    var seed: SeedScenario.Configured { emulator.seed! }
    var baseURL: String { emulator.baseURL }
    /// The lines `serve`'s console would print, oldest first.
    var accessLogLines: [String] { emulator.accessLogLines }

    init(tokenLifetime: TimeInterval? = nil, rateLimit: RateLimit? = nil) async throws {
        emulator = try await RunningEmulator(tokenLifetime: tokenLifetime, rateLimit: rateLimit)
    }

    struct Reply {
        let status: Int
        let text: String
        let headers: [String: String]
        var json: JSONValue { (try? JSONValue(parsing: Data(text.utf8))) ?? .null }
    }

    /// Sends `body` as is (the seed's bytes), JSON unless told otherwise.
    func send(
        _ method: String, _ path: String, body: String? = nil, token: String? = nil,
        contentType: String = "application/json"
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
        let reply = Reply(status: http.statusCode, text: String(decoding: data, as: UTF8.self), headers: headers)
        // Every reply an HTTP test sees is held to the OpenAPI document.
        for problem in OpenAPIContract.shipped.problems(method: method, path: path, status: reply.status, body: reply.text) {
            Issue.record(Comment(rawValue: "OpenAPI: \(problem)"))
        }
        return reply
    }

    /// A token for the tutorial's app through `/v2/token`.
    func token(scope: String? = nil) async throws -> String {
        let app = seed.app
        let scopePart = scope.map { #","scope":"\#($0)""# } ?? ""
        let reply = try await send(
            "POST", "/v2/token",
            body:
                #"{"grant_type":"client_credentials","client_id":"\#(app.clientID)","client_secret":"\#(app.clientSecret)"\#(scopePart)}"#
        )
        guard case .string(let token) = reply.json["access_token"] else {
            throw FixtureFailure("no token: \(reply.text)")
        }
        return token
    }

    /// A token for an app with every permission (the tutorial's app has none for automations).
    func scriptToken() async throws -> String {
        try workspace.ensureApp(clientID: "script-client", clientSecret: "script-secret")
        let reply = try await send(
            "POST", "/v2/token",
            body: #"{"grant_type":"client_credentials","client_id":"script-client","client_secret":"script-secret"}"#)
        guard case .string(let token) = reply.json["access_token"] else { throw FixtureFailure("no token: \(reply.text)") }
        return token
    }

    /// GETs `path` until `done` holds for the answer (10 s at most), as a client polls a status.
    func poll(_ path: String, token: String, until done: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let answer = try await send("GET", path, token: token).json
            if done(answer) { return answer }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw FixtureFailure("\(path) never reached the expected state")
    }

    /// Each member's `Updated` flag by email address, read back as a client would: the rowset route.
    func flagsOverHTTP(token: String) async throws -> [String: String] {
        let reply = try await send(
            "GET", "/data/v1/customobjectdata/key/\(seed.members.externalKey)/rowset?$pageSize=2500", token: token)
        var flags: [String: String] = [:]
        for item in reply.json["items"]?.array ?? [] {
            if let email = item["keys"]?["emailaddress"]?.text { flags[email] = item["values"]?["updated"]?.text }
        }
        return flags
    }

    /// Each member's `Updated` flag by email address.
    func flags() throws -> [String: String] {
        let members = try workspace.dataExtension(.id(seed.members.id))
        return Dictionary(
            uniqueKeysWithValues: try workspace.rows(of: .id(members.id), limit: 1_000).records.map {
                ($0[members.field(named: "EmailAddress")!].displayText, $0[members.field(named: "Updated")!].displayText)
            })
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Record {
    /// The record's values by field name, as displayed.
    func texts(in de: DataExtension) -> [String: String] {
        Dictionary(uniqueKeysWithValues: de.fields.map { ($0.name, self[$0].displayText) })
    }
}

import Foundation
import LabClient
import LabModel
import TestSupport
import Testing

/// The typed calls, errors as Marketing Cloud gave them, paging, and curl renderings that run.
@Suite struct ClientCallTests {
    @Test func theTutorialsCallsFireEventsAndReadTheFlagsBack() async throws {
        let emulator = try await RunningEmulator()
        let seed = emulator.seed!
        let client = ClientTokenTests.client(emulator)
        let instance = try await client.fireContactEvent(
            eventDefinitionKey: RunningEmulator.seedTriggerKey, contactKey: "sam@sausage.com",
            dataExtensionName: seed.eventData.name, dataExtensionKey: RunningEmulator.seedEventDataKey,
            values: [("Preference", "frankfurter")])
        #expect(UUID(uuidString: instance) != nil)
        await emulator.workspace.engine.settle()
        let flags = try await client.allRows(dataExtensionKey: seed.members.externalKey)
        #expect(flags.first { $0.keys["emailaddress"] == "sam@sausage.com" }?.values["updated"] == "True")

        try await client.upsertRows(
            dataExtensionKey: seed.members.externalKey,
            rows: [RowsetRow(keys: ["EmailAddress": "sue@sausage.com"], values: ["FirstName": "Sue", "Updated": "False"])])
        let apiInstance = try await client.fireEvent(
            eventDefinitionKey: RunningEmulator.seedTriggerKey, contactKey: "sue@sausage.com",
            data: ["EmailAddress": "sue@sausage.com"])
        #expect(UUID(uuidString: apiInstance) != nil)

        let journey = try await client.journey("key:member-updates")
        #expect(journey.status == "Published" && journey.eventDefinitionKey == RunningEmulator.seedTriggerKey)
        let definitions = try await client.eventDefinitions()
        #expect(definitions.map(\.key).contains(RunningEmulator.seedTriggerKey))
        let members = try await client.dataExtension(key: seed.members.externalKey)
        #expect(members.name == "Members")
        #expect(try await client.fields(dataExtensionID: members.id).filter(\.isPrimaryKey).map(\.name) == ["EmailAddress"])
    }

    @Test func errorsCarryMarketingCloudsMessageCodeAndDetails() async throws {
        let emulator = try await RunningEmulator()
        let client = ClientTokenTests.client(emulator)
        await #expect {
            _ = try await client.fireEvent(eventDefinitionKey: RunningEmulator.seedTriggerKey, contactKey: "x@y.z", data: [:])
        } throws: { error in
            guard case MarketingCloudError.api(400, "Event Data contains errors:", 10006, let details, _) = error else {
                return false
            }
            return details.contains { $0.contains("emailaddress") }
        }
        await #expect {
            _ = try await client.journey("key:nope")
        } throws: { error in
            (error as? MarketingCloudError).map { "\($0)" }
                == "Interaction matching criteria not found. (errorcode 30003, HTTP 404)"
        }
    }

    @Test func tenThousandRowsArriveThroughEveryPage() async throws {
        let emulator = try await RunningEmulator(seeded: false)
        let workspace = emulator.workspace
        try workspace.ensureApp(clientID: "pager", clientSecret: "secret")
        let de = try workspace.createDataExtension(
            DataExtensionDraft(
                name: "Many", externalKey: "MANY",
                fields: [Field(name: "Number", type: .number, isPrimaryKey: true), Field(name: "Label", type: .text)]))
        try workspace.addRecords(to: .id(de.id), rows: (1...10_000).map { ["Number": String($0), "Label": "row \($0)"] })
        let client = MarketingCloudClient(
            endpoints: .emulator(baseURL: emulator.baseURL),
            credentials: ClientCredentials(clientID: "pager", clientSecret: "secret"))
        let first = try await client.rows(dataExtensionKey: "MANY", pageSize: 3_000)
        #expect(first.count == 10_000 && first.pageSize == 2_500 && first.rows.count == 2_500)
        let all = try await client.allRows(dataExtensionKey: "MANY", pageSize: 2_500)
        #expect(all.count == 10_000)
        #expect(Set(all.compactMap { $0.keys["number"] }) == Set((1...10_000).map(String.init)))
        let filtered = try await client.allRows(dataExtensionKey: "MANY", pageSize: 100, filter: "Number lt 251")
        #expect(filtered.count == 250)
    }

    @Test func aRenderedCurlCommandRunsAndAnswersAsTheClientWasAnswered() async throws {
        let emulator = try await RunningEmulator()
        let client = ClientTokenTests.client(emulator)
        let cases: [(String, String, String?)] = [
            ("GET", "/interaction/v1/interactions?$pageSize=5", nil),
            ("POST", "/interaction/v1/events", #"{"ContactKey":"it's@me.com","EventDefinitionKey":"nope","Data":{}}"#),
            ("POST", "/v2/token", #"{"grant_type":"client_credentials","client_id":"x","client_secret":"y"}"#),
        ]
        for (method, path, body) in cases {
            let exchange = try await client.send(method, path, json: body)
            let command = try await client.curl(method, path, json: body, revealSecrets: true)
            let ran = try ChildProcess.run("/bin/sh", ["-c", command + " -o /dev/null -w '%{http_code}'"])
            #expect(ran.status == 0, "\(ran.errorOutput)")
            #expect(ran.output == String(exchange.status), "\(command)")
        }
        let masked = try await client.curl("GET", "/interaction/v1/interactions")
        let token = try await client.token().accessToken
        #expect(masked.contains("Authorization: Bearer ••••••••") && !masked.contains(token))
        let tokenCall = try await client.curl(
            "POST", "/v2/token", json: #"{"client_id":"x","client_secret":"s3cr\"et"}"#)
        #expect(tokenCall.contains(#""client_secret":"••••••••""#) && !tokenCall.contains("s3cr"))
        let formCall = try await client.curl("POST", "/v2/token", json: "grant_type=client_credentials&client_secret=s3cret&x=1")
        #expect(formCall.contains("client_secret=••••••••&x=1") && !formCall.contains("s3cret"))
        #expect(client.tokenRequest(revealSecrets: false).body?.contains(emulator.seed!.app.clientSecret) == false)
        #expect(client.tokenRequest(revealSecrets: true).body?.contains(emulator.seed!.app.clientSecret) == true)
    }
}

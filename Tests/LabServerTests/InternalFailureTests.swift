import Foundation
import GRDB
import Testing

@testable import LabModel
@testable import LabServer

/// When the emulator itself fails, the reply says so without its reason: the reason may hold
/// SQL, table names or paths, and it goes to the console instead.
@Suite struct InternalFailureTests {
    @Test func aFailureInsideTheEmulatorAnswersAPlain500AndTheServerGoesOn() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        // Another program writes a status no journey version has.
        try await fixture.workspace.pool.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE journeyVersion SET status = 'Sideways'")
            #expect(db.changesCount > 0)
        }
        let failed = try await fixture.send("GET", "/interaction/v1/interactions", token: token)
        #expect(failed.status == 500)
        #expect(
            failed.json["message"]
                == .string("Internal Server Error: the emulator could not complete the request; its console says why."))
        for secret in ["journeyVersion", "Sideways", "SELECT", "sqlite", fixture.workspace.path] {
            #expect(!failed.text.contains(secret), "the reply names \(secret): \(failed.text)")
        }
        let still = try await fixture.send("GET", "/platform/v1/tokenContext", token: token)
        #expect(still.status == 200)
    }
}

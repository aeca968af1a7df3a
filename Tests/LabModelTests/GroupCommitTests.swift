import Foundation
import Synchronization
import Testing

@testable import LabModel

/// Firings from many threads share commits: every one acknowledged is written with its row and
/// its journal line, a refused one takes nothing else down with it, and each caller hears only
/// its own outcome.
@Suite struct GroupCommitTests {
    @Test func firingsRefusedBeforeWritingLeaveTheirBatchWhole() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let outcomes = Mutex<[Int: Result<UUID, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 300) { n in
            let email = "r\(n)@crowd.test"
            // One in five sends a field the data extension does not have: refused before it writes.
            var data = ["EmailAddress": email]
            if n % 5 == 2 { data["Nope"] = "x" }
            let outcome = Result { try workspace.fireAPIEvent(key: seed.trigger.key, contact: .key(email), data: data) }
                .map(\.instanceID)
            outcomes.withLock { $0[n] = outcome }
        }
        let all = outcomes.withLock { $0 }
        for (n, outcome) in all {
            switch outcome {
            case .success(let id):
                #expect(n % 5 != 2)
                #expect(try workspace.eventInstance(id).eventKey == seed.trigger.key)
            case .failure(let error):
                #expect(n % 5 == 2)
                #expect(error as? FireEventError == .unknownField(dataExtension: seed.members.name, field: "Nope"), "\(error)")
                #expect(throws: (any Error).self) { try workspace.contact(.key("r\(n)@crowd.test")) }
            }
        }
        #expect(try workspace.rowCount(of: .id(seed.members.id)) == 3 + 240)
    }

    @Test func concurrentFiringsAreEachWrittenOrRefusedAlone() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let outcomes = Mutex<[Int: Result<UUID, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 400) { n in
            let email = "m\(n)@crowd.test"
            // One in ten names a contact by an id nobody has: refused in the commit, where the
            // contact is read.
            let contact: ContactReference = n % 10 == 3 ? .id(1_000_000 + Int64(n)) : .key(email)
            let data = ["EmailAddress": email, "FirstName": "M\(n)"]
            let outcome = Result { try workspace.fireAPIEvent(key: seed.trigger.key, contact: contact, data: data) }
                .map(\.instanceID)
            outcomes.withLock { $0[n] = outcome }
        }
        let all = outcomes.withLock { $0 }
        #expect(all.count == 400)
        let refused = all.filter { if case .failure = $0.value { true } else { false } }
        #expect(Set(refused.keys) == Set((0..<400).filter { $0 % 10 == 3 }))
        for (n, outcome) in refused {
            guard case .failure(let error) = outcome else { continue }
            #expect(error as? FireEventError == .contactNotFound(.id(1_000_000 + Int64(n))))
            // The row it would have written went with it.
            #expect(throws: (any Error).self) { try workspace.contact(.key("m\(n)@crowd.test")) }
        }
        let fired = all.compactMap { try? $0.value.get() }
        #expect(Set(fired).count == 360)
        for id in fired.prefix(50) { #expect(try workspace.eventInstance(id).eventKey == seed.trigger.key) }
        #expect(try workspace.rowCount(of: .id(seed.members.id)) == 3 + 360)
        let firingLines = try workspace.journal(last: 10_000).filter {
            $0.sentence.hasPrefix("Fired API event") && $0.sentence.contains("@crowd.test")
        }
        #expect(firingLines.count == 360)
        await fixture.engine.settle()
        let flags = try fixture.flags(seed.members)
        #expect(flags["m0@crowd.test"] == "True" && flags["m3@crowd.test"] == nil)
    }

    @Test func rowsCountedByARefusedJobAreNotCounted() throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let before = try workspace.rowCount(of: .id(seed.members.id))
        let groupCommit = workspace.firingWriter.groupCommit
        struct Refused: Error {}
        let accepted = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 200) { n in
            do {
                try groupCommit.write { db in
                    groupCommit.rowCounts.add(2, to: seed.members.id)
                    // A write before the refusal: the batch is run again, a savepoint per job.
                    try db.execute(
                        sql: "INSERT INTO journal (time, entity, action, entityIDs, sentence) VALUES (?, 'test', 'count', '', ?)",
                        arguments: [Date(), "job \(n)"])
                    if n % 4 == 1 { throw Refused() }
                }
                accepted.add(1, ordering: .relaxed)
            } catch {
                #expect(error is Refused)
            }
        }
        #expect(accepted.load(ordering: .relaxed) == 150)
        #expect(try workspace.rowCount(of: .id(seed.members.id)) == before + 2 * 150)
        let lines = try workspace.journal(last: 1_000).filter { $0.entity == "test" }
        #expect(lines.count == 150)
    }
}

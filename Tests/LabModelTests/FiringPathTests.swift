import Foundation
import GRDB
import Synchronization
import Testing

@testable import LabModel

/// The fast paths of a firing still say what the slow ones said: awaited firings share commits
/// like blocking ones, what a firing remembers of its definitions is read again after they
/// change, and dates are stored as GRDB stores them.
@Suite struct FiringPathTests {
    @Test func awaitedFiringsAreEachWrittenOrRefusedAlone() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let outcomes = await withTaskGroup(of: (Int, Result<UUID, any Error>).self) { group in
            for n in 0..<300 {
                group.addTask {
                    let email = "a\(n)@crowd.test"
                    // One in ten names a contact by an id nobody has: refused in the commit.
                    let contact: ContactReference = n % 10 == 3 ? .id(1_000_000 + Int64(n)) : .key(email)
                    do {
                        return (
                            n,
                            .success(
                                try await workspace.fireAPIEvent(
                                    key: seed.trigger.key, contact: contact, data: ["EmailAddress": email]
                                ).instanceID)
                        )
                    } catch {
                        return (n, .failure(error))
                    }
                }
            }
            var outcomes: [Int: Result<UUID, any Error>] = [:]
            for await (n, outcome) in group { outcomes[n] = outcome }
            return outcomes
        }
        let refused = outcomes.filter { if case .failure = $0.value { true } else { false } }
        #expect(Set(refused.keys) == Set((0..<300).filter { $0 % 10 == 3 }))
        #expect(try workspace.rowCount(of: .id(seed.members.id)) == 3 + 270)
        let fired = outcomes.compactMap { try? $0.value.get() }
        #expect(Set(fired).count == 270)
        for id in fired.prefix(20) { #expect(try workspace.eventInstance(id).eventKey == seed.trigger.key) }
        await fixture.engine.settle()
        let flags = try fixture.flags(seed.members)
        #expect(flags["a0@crowd.test"] == "True" && flags["a3@crowd.test"] == nil)
    }

    @Test func aFiringSeesTheDefinitionsAsTheyAreNow() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("first@x.test"), data: ["EmailAddress": "first@x.test"])
        // Refused while the source has no such field; accepted once it has.
        #expect(throws: FireEventError.self) {
            try workspace.fireAPIEvent(
                key: seed.trigger.key, contact: .key("second@x.test"), data: ["EmailAddress": "second@x.test", "Score": "5"])
        }
        _ = try workspace.addField(Field(name: "Score", type: .number), to: .id(seed.members.id))
        let fired = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("second@x.test"), data: ["EmailAddress": "second@x.test", "Score": "5"])
        let row = try #require(fired.writtenRow)
        let members = try workspace.dataExtension(.id(seed.members.id))
        #expect(try workspace.record(in: .id(members.id), rowID: row.rowID).texts(in: members)["Score"] == "5")
    }

    @Test func aContactKnownInAnotherCaseIsTheOneTheEventIsFor() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        // The row is built from the key as sent before the contact is read; the contact, known
        // under another case, is still the one the event and its row are for.
        let known = try await workspace.pool.write { db in
            try ContactModelStore.ensureContact(key: "Mixed@X.test", now: Date(), in: db)
        }
        try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("first@x.test"), data: ["EmailAddress": "first@x.test"])
        let fired = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("mixed@x.test"), data: ["EmailAddress": "MIXED@x.test"])
        #expect(fired.contact == known)
        let row = try #require(fired.writtenRow)
        let members = try workspace.dataExtension(.id(seed.members.id))
        // The key field keeps the caller's spelling, as it always has.
        #expect(try workspace.record(in: .id(members.id), rowID: row.rowID).texts(in: members)["EmailAddress"] == "MIXED@x.test")
        // The row is written as sent: its EmailAddress may be another address than the contact key.
        let other = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("mixed@x.test"), data: ["EmailAddress": "someone@x.test"])
        #expect(other.contact == known)
        let otherRow = try #require(other.writtenRow)
        #expect(
            try workspace.record(in: .id(members.id), rowID: otherRow.rowID).texts(in: members)["EmailAddress"]
                == "someone@x.test")
    }

    @Test func anEventThatFailsInABatchIsRecordedAloneAndTheOthersAreDecided() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let spare = try workspace.createEventDefinition(name: "Spare", dataExtension: .id(seed.members.id))
        // Queued while the engine is stopped, so one batch decides all three.
        await fixture.engine.stop()
        let first = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("one@x.test"), data: ["EmailAddress": "one@x.test"])
        let orphan = try await workspace.fireAPIEvent(
            key: spare.key, contact: .key("two@x.test"), data: ["EmailAddress": "two@x.test"])
        let last = try await workspace.fireAPIEvent(
            key: seed.trigger.key, contact: .key("three@x.test"), data: ["EmailAddress": "three@x.test"])
        // Its trigger is gone by the time the engine looks: that decision fails.
        try workspace.deleteEventDefinition(key: spare.key)
        fixture.engine.start()
        await fixture.engine.settle()
        #expect(try workspace.eventInstance(first.instanceID).status == .done)
        #expect(try workspace.eventInstance(last.instanceID).status == .done)
        let failed = try workspace.eventInstance(orphan.instanceID)
        #expect(failed.status == .error && failed.message?.contains(spare.key) == true, "\(failed)")
        let flags = try fixture.flags(seed.members)
        #expect(flags["one@x.test"] == "True" && flags["three@x.test"] == "True" && flags["two@x.test"] == "False")
    }

    @Test func theEngineKeepsDecidingWhileFiringsKeepArriving() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        let stream = FiringStream(key: seed.trigger.key, emailPrefix: "s", in: workspace)
        // The engine gives way to the stream but still takes the writer now and then: events
        // fired well after the stream began are decided while it goes on. (Deferring for as long
        // as firings arrive would decide only the few of its first turn.)
        var decidedDuringStream = false
        for _ in 0..<400 where !decidedDuringStream {
            try await Task.sleep(for: .milliseconds(25))
            let later = stream.fired.dropFirst(100).prefix(20)
            for id in later where try workspace.eventInstance(id).status == .done { decidedDuringStream = true }
        }
        let started = await stream.stop()
        #expect(decidedDuringStream)
        // Once the stream stops, it catches up with every one.
        await fixture.engine.settle()
        #expect(stream.fired.count == started)
        let undecided = try stream.fired.filter { try workspace.eventInstance($0).status != .done }
        #expect(undecided.isEmpty)
        for email in ["s0@stream.test", "s101@stream.test", "s\(started - 1)@stream.test"] {
            #expect(try fixture.record(seed.members, email: email)["Updated"] == "True", "\(email)")
        }
    }

    @Test func aWaitDueDuringAStreamOfFiringsIsTakenWhileTheStreamGoesOn() async throws {
        let fixture = try EngineFixture(manualClock: true, settings: EngineSettings(timeWarp: 24))
        let workspace = fixture.workspace
        let (members, trigger, journey) = try fixture.slowJourney()
        _ = try workspace.activate(.id(journey.id))
        try await workspace.fireAPIEvent(
            key: trigger.key, contact: .key("sam@sausage.com"), data: ["EmailAddress": "sam@sausage.com"])
        await fixture.engine.settle()
        // Events no journey hears, fired without a pause: the engine always has single events queued.
        let spare = try workspace.createEventDefinition(name: "Spare", dataExtension: .id(members.id))
        let stream = FiringStream(key: spare.key, emailPrefix: "w", in: workspace)
        try await Task.sleep(for: .milliseconds(300))
        // A day warped 24 times is an hour: Sam's Wait falls due while the firings go on.
        fixture.clock!.advance(by: 61 * 60)
        var updated = false
        for _ in 0..<400 where !updated {
            try await Task.sleep(for: .milliseconds(25))
            updated = try fixture.record(members, email: "sam@sausage.com")["Updated"] == "True"
        }
        let stillFiring = stream.isOn
        _ = await stream.stop()
        #expect(updated && stillFiring)
        await fixture.engine.settle()
        let undecided = try stream.fired.filter { try workspace.eventInstance($0).status != .done }
        #expect(undecided.isEmpty)
    }

    @Test func automationEventsAreIndexedApartAndFoundThroughTheirIndexes() throws {
        let fixture = try EngineFixture()
        try fixture.workspace.pool.read { db in
            // Fired events write no entry in either; the engine's questions about automation
            // events read these, not every queued event.
            let partial = try Row.fetchAll(
                db,
                sql:
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'eventInstance' AND sql LIKE '%WHERE%'"
            )
            #expect(
                Dictionary(uniqueKeysWithValues: partial.map { ($0["name"] as String, $0["sql"] as String) }).mapValues {
                    String($0.suffix(from: $0.range(of: "WHERE")!.lowerBound))
                } == [
                    "eventInstance_runID": "WHERE runID IS NOT NULL",
                    "eventInstance_automationQueue": "WHERE source = 'automation'",
                ])
            let byRun = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT seq FROM eventInstance WHERE runID = ? ORDER BY seq", arguments: ["r"])
            #expect(byRun.contains { ($0["detail"] as String).contains("INDEX eventInstance_runID") })
            #expect(try EngineWorker.next(now: Date(), singleEventsLast: true, in: db).item == nil)
        }
    }

    @Test func requestLinesLoggedDuringFiringsAreWrittenInOrderAndReadAtOnce() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        let seed = try SeedScenario.configure(workspace)
        // Lines ride in the firings' commits: each logged between two firings, then read back.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for n in 0..<200 {
                    let email = "log\(n)@x.test"
                    try await workspace.fireAPIEvent(key: seed.trigger.key, contact: .key(email), data: ["EmailAddress": email])
                }
            }
            group.addTask {
                for n in 0..<200 {
                    workspace.logRequest(
                        RequestLogEntry(
                            time: Date(), method: "GET", path: "/line/\(n)", status: 200, durationMilliseconds: 0.5,
                            requestBody: "", responseBody: "", appID: nil))
                    if n % 50 == 49 {
                        // Read at once: every line logged so far is there.
                        let paths = try workspace.requestLog(last: 1_000).map(\.path)
                        #expect(paths == (0...n).map { "/line/\($0)" })
                    }
                    await Task.yield()
                }
            }
            try await group.waitForAll()
        }
        #expect(try workspace.requestLog(last: 1_000).map(\.path) == (0..<200).map { "/line/\($0)" })
    }

    @Test func requestLinesLoggedWithNoFiringAreWrittenAMomentLater() async throws {
        let fixture = try EngineFixture()
        let workspace = fixture.workspace
        for n in 0..<3 {
            workspace.logRequest(
                RequestLogEntry(
                    time: Date(), method: "GET", path: "/quiet/\(n)", status: 200, durationMilliseconds: 0.5,
                    requestBody: "", responseBody: "", appID: nil))
        }
        // Nobody reads the log (which would write them first) and no firing commits them.
        var written = 0
        for _ in 0..<50 where written < 3 {
            try await Task.sleep(for: .milliseconds(20))
            written = try await workspace.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM requestLog") ?? 0 }
        }
        #expect(written == 3)
    }

    @Test func datesAreStoredAsGRDBStoresThem() throws {
        // A fixed linear congruential sequence: the same 2,000 instants (1970–2099) every run.
        var state: UInt64 = 20_261_127
        let samples =
            (0..<2_000).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // To the microsecond, so the rounding to a millisecond is exercised.
                return Date(timeIntervalSince1970: Double((state >> 11) % 4_102_444_800_000_000) / 1_000_000)
            } + [
                Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: -86_400.5),
                Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 1_800_000_000.999),
                Date(timeIntervalSince1970: 1_800_000_000.9995), Date(),
            ]
        for date in samples {
            let ours = date.databaseText
            let grdbs = String.fromDatabaseValue(date.databaseValue)!
            #expect(ours == grdbs, "\(date.timeIntervalSince1970)")
        }
    }
}

/// API events fired for new contacts (`<prefix><n>@stream.test`), one starting every 2 ms
/// whether or not the last is done, as requests arrive at a server: one has always just arrived.
private final class FiringStream: Sendable {
    /// Shared with the firing task.
    private final class State: Sendable {
        let value = Mutex((isOn: true, fired: [UUID]()))
    }

    private let state = State()
    private let firing: Task<Int, Never>

    init(key: String, emailPrefix: String, in workspace: Workspace) {
        let state = state
        firing = Task {
            await withTaskGroup(of: Void.self) { group in
                var started = 0
                while state.value.withLock({ $0.isOn }) {
                    let email = "\(emailPrefix)\(started)@stream.test"
                    started += 1
                    group.addTask {
                        if let event = try? await workspace.fireAPIEvent(
                            key: key, contact: .key(email), data: ["EmailAddress": email])
                        {
                            state.value.withLock { $0.fired.append(event.instanceID) }
                        }
                    }
                    try? await Task.sleep(for: .milliseconds(2))
                }
                return started
            }
        }
    }

    var isOn: Bool { state.value.withLock { $0.isOn } }
    /// What was acknowledged, in that order.
    var fired: [UUID] { state.value.withLock { $0.fired } }

    /// Starts no more firings and waits for those under way. - Returns: how many were started.
    func stop() async -> Int {
        state.value.withLock { $0.isOn = false }
        return await firing.value
    }
}

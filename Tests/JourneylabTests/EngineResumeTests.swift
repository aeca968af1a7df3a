import Foundation
import LabModel
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A run killed with SIGKILL partway through loses nothing: the next engine finishes it.
@Suite struct EngineResumeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-resume-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("workspace.sqlite").path }

    @Test func aKilledRunResumesAndEveryFlagEndsTrue() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let memberCount = 2_003
        do {
            let workspace = try Workspace(path: path)
            defer { workspace.close() }
            let seed = try SeedScenario.configure(workspace)
            try workspace.addRecords(
                to: .id(seed.members.id),
                rows: (4...memberCount).map { ["EmailAddress": "member\($0)@club.example.com", "MemberID": "\($0)"] })
        }

        let drill = try ChildProcess(
            CommandLineTests.binary,
            [
                "engine-drill", "--workspace", path, "--automation", "fire-member-event", "--batch-size", "200",
                "--halt-after-batches", "3",
            ])
        try waitUntil(timeout: 30, "the drill to halt") { drill.outputSoFar.contains("halted after 3 batches") }
        drill.send(SIGKILL)
        #expect(drill.waitForExit().status == 128 + SIGKILL)

        let workspace = try Workspace(path: path)
        defer { workspace.close() }
        #expect(workspace.previousOwnerPID == drill.pid)
        let automation = try workspace.automation(named: "fire-member-event")
        let halfway = try #require(try workspace.runs(of: automation.id).first)
        #expect(halfway.status == .running)
        let partial = halfway.activities[0]
        #expect(partial.rowsRead >= 600 && partial.rowsRead < memberCount)
        let members = try workspace.dataExtension(.name("Members"))
        let updated = try workspace.rows(
            of: .id(members.id), limit: 10_000, matching: .compare(field: "Updated", .equals, value: "True")
        ).records.count
        #expect(updated == partial.contactsEntered)

        workspace.engine.start()
        await workspace.engine.settle()
        let finished = try #require(try workspace.runs(of: automation.id).first)
        #expect(finished.status == .complete)
        let activity = finished.activities[0]
        #expect(activity.rowsRead == memberCount)
        #expect(activity.contactsEntered + activity.contactsSkipped == memberCount)
        #expect(activity.contactsEntered == memberCount)
        let stillFalse = try workspace.rows(
            of: .id(members.id), limit: 10, matching: .compare(field: "Updated", .equals, value: "False"))
        #expect(stillFalse.records.isEmpty)
        let instance = try #require(activity.eventInstanceID)
        #expect(try workspace.entries(of: instance, limit: 5_000).count == memberCount)
        #expect(try workspace.journal(last: 50).contains { $0.sentence.hasPrefix("Resuming 1 unfinished event after a restart") })
        #expect(try workspace.integrityCheck() == ["ok"])
    }
}

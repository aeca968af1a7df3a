import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// From a commit to the screens in one hop: each batch of changes goes into the run loop's
/// inbox, merged with what is still waiting there, and nothing is dropped however many come.
@Suite struct ChangeBatchTests {
    @Test func changesMergeByDataExtensionAndCountOnce() {
        let members = UUID()
        let preferences = UUID()
        var batch = ChangeBatch([.rows(dataExtensionID: members, rowIDs: [1, 2]), .journey(members)])
        batch.merge(
            ChangeBatch([
                .rows(dataExtensionID: members, rowIDs: [2, 3]), .journey(members),
                .rows(dataExtensionID: preferences, rowIDs: [7]),
            ]))
        #expect(
            batch.changes == [
                .journey(members), .rows(dataExtensionID: members, rowIDs: [1, 2, 3]),
                .rows(dataExtensionID: preferences, rowIDs: [7]),
            ])
        // "Many rows changed" takes in the single rows, before and after.
        batch.add([.dataExtension(members), .rows(dataExtensionID: members, rowIDs: [9])])
        #expect(batch.changes.last(where: { if case .rows = $0 { false } else { true } }) == .dataExtension(members))
        #expect(!batch.changes.contains(.rows(dataExtensionID: members, rowIDs: [1, 2, 3])))
    }

    /// Beyond what a screen would look at one by one, a data extension's rows become "many
    /// rows changed", which is what a screen does for a bulk run anyway.
    @Test func tooManyRowsBecomeTheWholeDataExtension() {
        let members = UUID()
        var batch = ChangeBatch()
        for start in stride(from: 0, to: 12_000, by: 1_000) {
            batch.add([.rows(dataExtensionID: members, rowIDs: (Int64(start)..<Int64(start + 1_000)).map { $0 })])
        }
        #expect(batch.changes == [.dataExtension(members)])
    }

    /// Two thousand commits while the app is busy: one message waits, holding every row.
    @Test func aBurstOfCommitsWaitsAsOneMessageWithNothingLost() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-feed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        defer { workspace.close() }
        let members = try workspace.createDataExtension(SeedScenario.memberDataExtension())
        let inbox = Inbox<AppMessage>()
        let observation = workspace.observeChanges { changes in
            inbox.post(.workspace(ChangeBatch(changes)), mergingWith: AppMessage.merge)
        }
        defer { observation.cancel() }
        inbox.post(.tick)
        var added: Set<Int64> = []
        for n in 0..<2_000 {
            added.insert(try workspace.addRecord(to: .id(members.id), values: ["EmailAddress": "m\(n)@club.example.com"]).rowID)
        }
        let messages = inbox.drain()
        #expect(messages.count == 2, "the tick, then one merged batch")
        guard case .workspace(let batch) = messages.last else {
            Issue.record("no workspace message: \(messages)")
            return
        }
        let rows = batch.changes.compactMap { change -> [Int64]? in
            if case .rows(let id, let rowIDs) = change, id == members.id { return rowIDs }
            return nil
        }
        #expect(rows.count == 1 && Set(rows[0]) == added)
        #expect(batch.changes.filter { if case .journal = $0 { true } else { false } }.count == 2_000)
    }
}

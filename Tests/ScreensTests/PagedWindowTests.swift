import Foundation
import LabModel
import Terminal
import Testing

@testable import Screens

/// Deep in a big table the paged window reads from the rows around the ones on screen
/// instead of by offset. Whatever the keys, sort, filter or changes underneath, the window
/// must hold exactly the rows an offset read at the same place holds.
@Suite struct PagedWindowTests {
    final class Members {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-paging-\(UUID().uuidString)")
        let workspace: Workspace
        let members: DataExtension

        init(count: Int) throws {
            workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
            let created = try workspace.createDataExtension(SeedScenario.memberDataExtension())
            let rows = (0..<count).map { n in
                [
                    "EmailAddress": "m\(n)@club.example.com", "MemberID": String(n),
                    // Repeats, so a sort by LastName has ties that the row order breaks.
                    "LastName": "Surname\((n &* 7919) % 500)", "Updated": n % 3 == 0 ? "True" : "False",
                ]
            }
            _ = try workspace.addRecords(to: .id(created.id), rows: rows)
            members = try workspace.dataExtension(.id(created.id))
        }

        deinit {
            workspace.close()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// A table over the window, as a screen keeps one: the keys move the table, the window
    /// reads where the table is.
    struct Pager {
        let source: RecordsSource
        var window: PagedWindow<RecordsSource>
        var table = TableState()
        static let visibleRows = 20

        init(_ fixture: Members, query: RecordQuery = RecordQuery()) throws {
            source = RecordsSource(workspace: fixture.workspace, dataExtension: fixture.members)
            window = PagedWindow(query: query)
            try read()
        }

        mutating func read() throws {
            try window.count(from: source)
            table.keepSelectionVisible(rowCount: window.total, visibleRows: Self.visibleRows)
            try window.read(at: table.offset, count: Self.visibleRows, from: source)
        }

        mutating func press(_ key: Key) throws {
            _ = table.handle(key, rowCount: window.total, visibleRows: Self.visibleRows)
            try read()
        }

        var ids: [Int64] { window.items.map(\.rowID) }
    }

    func expectWindowMatchesOffsetRead(_ pager: Pager, _ fixture: Members, after step: String) throws {
        let truth = try fixture.workspace.records(
            of: .id(fixture.members.id), offset: pager.window.offset, limit: Pager.visibleRows, query: pager.window.query)
        #expect(pager.ids == truth.map(\.rowID), "\(step) at \(pager.window.offset)")
        #expect(pager.window.offset == pager.table.offset)
        #expect(pager.window.item(at: pager.table.selected) != nil)
    }

    @Test(arguments: [nil, RecordSort("LastName"), RecordSort("EmailAddress", ascending: false)])
    func randomKeysDeepInTheTableShowTheSameRowsAsAnOffsetRead(sort: RecordSort?) throws {
        let fixture = try Members(count: 12_000)
        var pager = try Pager(fixture, query: RecordQuery(sort: sort))
        // Seeded, and the seed in every message, so a failure can be replayed.
        let seed = UInt64.random(in: 1...UInt64.max)
        var generator = SeededGenerator(seed: seed)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .pageDown, .up, .down]
        // Start near the end, where every read is deep.
        try pager.press(.end)
        try expectWindowMatchesOffsetRead(pager, fixture, after: "End")
        for step in 0..<300 {
            let key = keys.randomElement(using: &generator)!
            try pager.press(key)
            try expectWindowMatchesOffsetRead(pager, fixture, after: "seed \(seed) step \(step) \(key)")
        }
    }

    @Test func rowsChangingUnderADeepWindowAndAFilterKeepItRight() throws {
        let fixture = try Members(count: 12_000)
        var pager = try Pager(fixture)
        for _ in 0..<400 { try pager.press(.pageDown) }
        try expectWindowMatchesOffsetRead(pager, fixture, after: "400 PgDn")
        #expect(pager.window.offset > PagedWindow<RecordsSource>.offsetReadLimit)
        // The first row on screen goes, and rows before the window go: the window stays on the
        // rows it showed (the position it shows is off by the rows gone before it).
        let first = pager.ids[0]
        _ = try fixture.workspace.deleteRecords(in: .id(fixture.members.id), rowIDs: [first, 5, 6, 7])
        pager.window.rowsChanged()
        try pager.read()
        #expect(pager.window.total == 11_996)
        #expect(!pager.ids.contains(first))
        #expect(pager.ids.first == first + 1 && pager.ids.count == Pager.visibleRows)
        // Moving on from there shows the rows that follow, and the last screen is the true end.
        let last = try #require(pager.ids.last)
        try pager.press(.pageDown)
        #expect(pager.ids.contains(last + 1))
        try pager.press(.end)
        try expectWindowMatchesOffsetRead(pager, fixture, after: "End after deletes before the window")
        #expect(pager.ids.last == 12_000)
        // On the last screen, a row in the window goes and one is added at the end: re-read, not kept.
        let gone = pager.ids[5]
        _ = try fixture.workspace.deleteRecords(in: .id(fixture.members.id), rowIDs: [gone])
        pager.window.rowsChanged()
        try pager.read()
        #expect(!pager.ids.contains(gone))
        try expectWindowMatchesOffsetRead(pager, fixture, after: "a delete on the last screen")
        _ = try fixture.workspace.addRecords(
            to: .id(fixture.members.id), rows: [["EmailAddress": "late@club.example.com", "MemberID": "99999"]])
        pager.window.rowsChanged()
        try pager.read()
        try expectWindowMatchesOffsetRead(pager, fixture, after: "an add on the last screen")
        // Back up a screen and a row from the end: read from the rows on screen, still exact.
        for key in [Key.pageUp, .up, .up] {
            try pager.press(key)
            try expectWindowMatchesOffsetRead(pager, fixture, after: "\(key) after the changes")
        }
        // A filter: counted once, then paged the same way.
        pager.window.query.filter = try RecordCondition(parsing: "Updated eq 'True'")
        try pager.read()
        let matching = try fixture.workspace.rowCount(of: .id(fixture.members.id), matching: pager.window.query)
        #expect(pager.window.total == matching && (3_990...4_001).contains(matching))
        try pager.press(.end)
        for key in [Key.up, .pageUp, .pageUp, .down, .pageDown, .up] {
            try pager.press(key)
            try expectWindowMatchesOffsetRead(pager, fixture, after: "filtered \(key)")
        }
    }
}

/// SplitMix64: a small generator whose sequence a seed fixes.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

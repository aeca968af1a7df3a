import Foundation
import LabModel
import Terminal
import Testing

@testable import Screens

/// Deep in a big table the Records screen reads its window from the rows around the one on
/// screen instead of by offset. Whatever the keys, sort, filter or changes underneath, the
/// window must hold exactly the rows an offset read at the same place holds.
@Suite struct DeepPagingTests {
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

    static let visibleRows = 20

    /// The rows an offset read gives where the screen's window is.
    func expectWindowMatchesOffsetRead(_ screen: RecordsScreen, _ fixture: Members, after step: String) throws {
        let truth = try fixture.workspace.records(
            of: .id(fixture.members.id), offset: screen.windowOffset, limit: Self.visibleRows, sortedBy: screen.sort,
            matching: screen.filter)
        #expect(screen.window.map(\.id) == truth.map { String($0.rowID) }, "\(step) at \(screen.windowOffset)")
        #expect(screen.table.selected >= screen.windowOffset && screen.table.selected < screen.windowOffset + Self.visibleRows)
    }

    @Test(arguments: [nil, RecordSort("LastName"), RecordSort("EmailAddress", ascending: false)])
    func randomKeysDeepInTheTableShowTheSameRowsAsAnOffsetRead(sort: RecordSort?) throws {
        let fixture = try Members(count: 12_000)
        var screen = RecordsScreen(dataExtension: fixture.members)
        let now = ContinuousClock.now
        if let sort, let column = fixture.members.fields.firstIndex(where: { $0.isNamed(sort.fieldName) }) {
            screen.table.sortColumn = column
            screen.table.ascending = sort.ascending
        }
        screen.refresh(from: fixture.workspace, visibleRows: Self.visibleRows, now: now)
        // Seeded, and the seed in every message, so a failure can be replayed.
        let seed = UInt64.random(in: 1...UInt64.max)
        var generator = SeededGenerator(seed: seed)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .pageDown, .up, .down]
        // Start near the end, where every read is deep.
        _ = screen.handle(.end, workspace: fixture.workspace, visibleRows: Self.visibleRows, now: now)
        try expectWindowMatchesOffsetRead(screen, fixture, after: "End")
        for step in 0..<300 {
            let key = keys.randomElement(using: &generator)!
            _ = screen.handle(key, workspace: fixture.workspace, visibleRows: Self.visibleRows, now: now)
            try expectWindowMatchesOffsetRead(screen, fixture, after: "seed \(seed) step \(step) \(key)")
        }
    }

    @Test func rowsChangingUnderADeepWindowAndAFilterKeepItRight() throws {
        let fixture = try Members(count: 12_000)
        var screen = RecordsScreen(dataExtension: fixture.members)
        let now = ContinuousClock.now
        let rows = Self.visibleRows
        screen.refresh(from: fixture.workspace, visibleRows: rows, now: now)
        for _ in 0..<400 { _ = screen.handle(.pageDown, workspace: fixture.workspace, visibleRows: rows, now: now) }
        try expectWindowMatchesOffsetRead(screen, fixture, after: "400 PgDn")
        #expect(screen.windowOffset > RecordsScreen.offsetReadLimit)
        // The first row on screen goes, and rows before the window go: the window stays on the
        // rows it showed (the position it shows is off by the rows gone before it).
        let first = try #require(Int64(screen.window[0].id))
        _ = try fixture.workspace.deleteRecords(in: .id(fixture.members.id), rowIDs: [first, 5, 6, 7])
        screen.refresh(from: fixture.workspace, visibleRows: rows, now: now, rowsChanged: true)
        #expect(screen.total == 11_996)
        #expect(!screen.window.contains { $0.id == String(first) })
        #expect(screen.window.first?.id == String(first + 1) && screen.window.count == rows)
        // Moving on from there shows the rows that follow, and the last screen is the true end.
        let last = try #require(screen.window.last.flatMap { Int64($0.id) })
        _ = screen.handle(.pageDown, workspace: fixture.workspace, visibleRows: rows, now: now)
        #expect(screen.window.map(\.id).contains(String(last + 1)))
        _ = screen.handle(.end, workspace: fixture.workspace, visibleRows: rows, now: now)
        try expectWindowMatchesOffsetRead(screen, fixture, after: "End after deletes before the window")
        #expect(screen.window.last?.id == "12000")
        // On the last screen, a row in the window goes and one is added at the end: re-read, not kept.
        let gone = try #require(Int64(screen.window[5].id))
        _ = try fixture.workspace.deleteRecords(in: .id(fixture.members.id), rowIDs: [gone])
        screen.refresh(from: fixture.workspace, visibleRows: rows, now: now, rowsChanged: true)
        #expect(!screen.window.contains { $0.id == String(gone) })
        try expectWindowMatchesOffsetRead(screen, fixture, after: "a delete on the last screen")
        _ = try fixture.workspace.addRecords(
            to: .id(fixture.members.id), rows: [["EmailAddress": "late@club.example.com", "MemberID": "99999"]])
        screen.refresh(from: fixture.workspace, visibleRows: rows, now: now, rowsChanged: true)
        try expectWindowMatchesOffsetRead(screen, fixture, after: "an add on the last screen")
        // Back up a screen and a row from the end: read from the rows on screen, still exact.
        for key in [Key.pageUp, .up, .up] {
            _ = screen.handle(key, workspace: fixture.workspace, visibleRows: rows, now: now)
            try expectWindowMatchesOffsetRead(screen, fixture, after: "\(key) after the changes")
        }
        // A flag flips on screen: highlighted, deep as it is.
        let flipped = try #require(Int64(screen.window[3].id))
        _ = try fixture.workspace.editRecord(in: .id(fixture.members.id), rowID: flipped, values: ["Updated": "True"])
        screen.refresh(from: fixture.workspace, visibleRows: rows, now: now, rowsChanged: true)
        let updated = try #require(fixture.members.fields.firstIndex { $0.name == "Updated" })
        #expect(screen.window[3].cells[updated] == "True")
        // A filter: counted once, then paged the same way.
        screen.filterText = "Updated eq 'True'"
        screen.isFiltering = true
        _ = screen.handle(.enter, workspace: fixture.workspace, visibleRows: rows, now: now)
        let matching = try fixture.workspace.rowCount(of: .id(fixture.members.id), matching: screen.filter)
        #expect(screen.total == matching && (3_990...4_001).contains(matching))
        _ = screen.handle(.end, workspace: fixture.workspace, visibleRows: rows, now: now)
        for key in [Key.up, .pageUp, .pageUp, .down, .pageDown, .up] {
            _ = screen.handle(key, workspace: fixture.workspace, visibleRows: rows, now: now)
            try expectWindowMatchesOffsetRead(screen, fixture, after: "filtered \(key)")
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

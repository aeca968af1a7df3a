import Benchmark
import Terminal

/// A million rows computed on demand, as a data extension's pages arrive: the table asks only
/// for the window on screen.
struct MillionMembers: TableDataSource {
    let rowCount = 1_000_000
    func rows(in range: Range<Int>) -> [TableRow] {
        range.map { index in
            TableRow(
                id: String(index),
                cells: [
                    "member\(index)@sausage.com", String(index), "Member \(index)", "Surname \(index % 977)",
                    index % 3 == 0 ? "True" : "False", "2026-11-27 12:00:00",
                ])
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 10, maxDuration: .seconds(5),
        maxIterations: 5_000)

    let size = TerminalSize(columns: 200, rows: 60)
    let table = Table(columns: [
        TableColumn("EmailAddress", minimumWidth: 12), TableColumn("MemberID", alignment: .right),
        TableColumn("FirstName"), TableColumn("LastName"), TableColumn("Updated"), TableColumn("Modified"),
    ])
    let source = MillionMembers()

    Benchmark("Render and blit a 200×60 frame of the table over 1,000,000 rows") { benchmark in
        let backend = MemoryBackend(size: size, keepsHistory: false)
        var state = TableState()
        let visible = table.visibleRowCount(in: Rect(size: size))
        state.select(500_000, rowCount: source.rowCount, visibleRows: visible)
        for _ in benchmark.scaledIterations {
            // Each frame moves the selection, as holding ↓ does.
            _ = state.handle(.down, rowCount: source.rowCount, visibleRows: visible)
            var buffer = Buffer(size: size)
            table.render(into: &buffer, area: buffer.bounds, source: source, state: state)
            backend.draw(buffer)
        }
        blackHole(backend.screen)
    }
}

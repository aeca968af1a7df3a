import Benchmark
import LabModel
import Screens
import Terminal

/// The Records screen over 1,000,000 members, through the app's own update and view at
/// 200×60: what a trainee waits for when they open it, sort it, and hold an arrow key.
func recordsScreenBenchmarks() {
    let size = TerminalSize(columns: 200, rows: 60)
    let frames = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 200)

    func openApp() -> JourneyLabApp {
        let workspace = MemberWorkspace.filled.workspace
        // Nothing measured here runs an effect: the sorts below find their indexes built.
        return JourneyLabApp(
            context: AppContext(workspace: workspace), size: size, effects: EffectRunner(workspace: workspace, post: { _ in }))
    }

    Benchmark("Records of 1,000,000 members: open to first frame", configuration: frames) { benchmark in
        let app = openApp()
        benchmark.startMeasurement()
        _ = app.update(.event(.key(.enter)))
        blackHole(app.view(size))
        benchmark.stopMeasurement()
    }

    /// `s`, then the column picked from the list (the first line is row order).
    func sort(_ app: JourneyLabApp, byColumn column: Int) {
        _ = app.update(.event(.key(.character("s"))))
        for _ in 0...column { _ = app.update(.event(.key(.down))) }
        _ = app.update(.event(.key(.enter)))
    }

    // LastName is a Text column without an index of its own: the first sort by it in a
    // workspace builds one in the background (seconds, once); this measures the sorts after that.
    for (name, column) in [("LastName", 3), ("EmailAddress", 0)] {
        Benchmark("Records of 1,000,000 members: open, sort by \(name), first frame", configuration: frames) { benchmark in
            let filled = MemberWorkspace.filled
            try filled.workspace.buildSortIndex(filled.members, for: RecordSort(name))
            let app = openApp()
            benchmark.startMeasurement()
            _ = app.update(.event(.key(.enter)))
            sort(app, byColumn: column)
            blackHole(app.view(size))
            benchmark.stopMeasurement()
        }
    }

    let scrolling = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 5, maxDuration: .seconds(10), maxIterations: 2_000)

    /// One key and the frame after it: the measured part of each scrolling sample.
    func measureFrame(after key: Key, in app: JourneyLabApp, _ benchmark: Benchmark) {
        benchmark.startMeasurement()
        _ = app.update(.event(.key(key)))
        blackHole(app.view(size))
        benchmark.stopMeasurement()
    }

    func openedInTheMiddle() -> JourneyLabApp {
        let app = openApp()
        _ = app.update(.event(.key(.enter)))
        for _ in 0..<8_500 { _ = app.update(.event(.key(.pageDown))) }
        return app
    }

    // The app is opened and paged to the middle once (setup); each sample is one more ↓ from
    // where the last left off, so 2,000 samples stay near row 510,000.
    Benchmark(
        "Records of 1,000,000 members: ↓ to the next frame, middle of the table", configuration: scrolling,
        closure: { benchmark, app in measureFrame(after: .down, in: app, benchmark) }, setup: { openedInTheMiddle() })

    // At the top of the window near the end, each ↑ moves the window: the deepest reads.
    Benchmark("Records of 1,000,000 members: ↑ to the next frame, last rows", configuration: scrolling) { benchmark in
        let app = openApp()
        _ = app.update(.event(.key(.enter)))
        _ = app.update(.event(.key(.end)))
        _ = app.update(.event(.key(.pageUp)))
        for _ in benchmark.scaledIterations { measureFrame(after: .up, in: app, benchmark) }
    }

    Benchmark("Records of 1,000,000 members: ↑ to the next frame, last rows, sorted by EmailAddress", configuration: scrolling) {
        benchmark in
        let app = openApp()
        _ = app.update(.event(.key(.enter)))
        sort(app, byColumn: 0)
        _ = app.update(.event(.key(.end)))
        _ = app.update(.event(.key(.pageUp)))
        for _ in benchmark.scaledIterations { measureFrame(after: .up, in: app, benchmark) }
    }

    Benchmark(
        "Records of 1,000,000 members: PgDn to the next frame, middle of the table", configuration: scrolling,
        closure: { benchmark, app in measureFrame(after: .pageDown, in: app, benchmark) }, setup: { openedInTheMiddle() })
}

import Benchmark
import LabModel

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 3,
        maxDuration: .seconds(5), maxIterations: 1_000)

    recordsScreenBenchmarks()

    Benchmark(
        "Insert 1,000,000 members in batches of 10,000",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0,
            maxDuration: .seconds(120), maxIterations: 3)
    ) { benchmark in
        let target = try MemberWorkspace()
        defer { target.remove() }
        let batches = MemberWorkspace.batches()
        benchmark.startMeasurement()
        try target.fill(with: batches)
        benchmark.stopMeasurement()
        let count = try target.workspace.rowCount(of: target.members)
        precondition(count == MemberWorkspace.memberCount)
    }

    let engineRun = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 3)

    Benchmark("Run Once over 1,000,000 matching contacts until every flag is True", configuration: engineRun) { benchmark in
        let shared = EngineWorkspace.shared
        try shared.reset()
        benchmark.startMeasurement()
        try shared.workspace.runOnce(shared.automationID)
        await shared.workspace.engine.settle()
        benchmark.stopMeasurement()
        let updated = try shared.updatedCount()
        let status = try shared.workspace.runs(of: shared.automationID).last?.status
        precondition(updated == EngineWorkspace.memberCount && status == .complete)
    }

    Benchmark("Bare SQL: the same entries and flag updates for 1,000,000 contacts", configuration: engineRun) { benchmark in
        let shared = EngineWorkspace.shared
        try shared.reset()
        benchmark.startMeasurement()
        try shared.bareSQL()
        benchmark.stopMeasurement()
        let updated = try shared.updatedCount()
        precondition(updated == EngineWorkspace.memberCount)
    }

    Benchmark("API event to row updated, instant pace") { benchmark in
        let target = APIEventWorkspace.shared
        var last: FiredEvent?
        for _ in benchmark.scaledIterations {
            last = try target.fire()
            await target.workspace.engine.settle()
        }
        let entered = try last.map { try target.workspace.eventInstance($0.instanceID).counts.entered }
        precondition(entered == 1)
    }

    Benchmark("Last 50-row page, keyset from the end") { benchmark in
        let shared = MemberWorkspace.filled
        for _ in benchmark.scaledIterations {
            let page = try shared.workspace.rows(of: shared.members, before: nil, limit: 50)
            precondition(page.records.count == 50)
            blackHole(page)
        }
    }

    Benchmark("50-row page after row 999,950, keyset") { benchmark in
        let shared = MemberWorkspace.filled
        let start = try shared.workspace.rows(of: shared.members, before: nil, limit: 51).previous
        for _ in benchmark.scaledIterations {
            let page = try shared.workspace.rows(of: shared.members, after: start, limit: 50)
            precondition(page.records.count == 50)
            blackHole(page)
        }
    }

    Benchmark("First 50-row page sorted by LastName") { benchmark in
        let shared = MemberWorkspace.filled
        for _ in benchmark.scaledIterations {
            blackHole(try shared.workspace.rows(of: shared.members, limit: 50, sortedBy: RecordSort("LastName")))
        }
    }

    Benchmark("Next 50-row page sorted by LastName, keyset") { benchmark in
        let shared = MemberWorkspace.filled
        let first = try shared.workspace.rows(of: shared.members, limit: 50, sortedBy: RecordSort("LastName"))
        for _ in benchmark.scaledIterations {
            blackHole(
                try shared.workspace.rows(of: shared.members, after: first.next, limit: 50, sortedBy: RecordSort("LastName")))
        }
    }

    Benchmark("Last 50-row page sorted by LastName descending") { benchmark in
        let shared = MemberWorkspace.filled
        for _ in benchmark.scaledIterations {
            blackHole(
                try shared.workspace.rows(
                    of: shared.members, before: nil, limit: 50, sortedBy: RecordSort("LastName", ascending: false)))
        }
    }

    Benchmark("Row count of 1,000,000 members") { benchmark in
        let shared = MemberWorkspace.filled
        for _ in benchmark.scaledIterations {
            let count = try shared.workspace.rowCount(of: shared.members)
            precondition(count == MemberWorkspace.memberCount)
            blackHole(count)
        }
    }
}

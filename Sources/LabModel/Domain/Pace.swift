import Foundation

/// How fast the engine moves contacts, so a class can watch events flow.
public enum Pace: String, Sendable, Hashable, CaseIterable {
    /// Everything as soon as possible: tests and scripts.
    case instant
    /// A trigger hears an event after a short delay and each step takes 1–3 seconds.
    case realistic
    /// One stage at a time, when someone asks for the next (`EventEngine.advance()`).
    case stepped

    /// How long a trigger takes to hear an event.
    var hearingDelay: TimeInterval { self == .realistic ? 2 : 0 }

    /// How long publishing a journey takes (Journey Builder reports it in process for a while).
    public var publishingDelay: TimeInterval { self == .realistic ? 2 : 0 }

    /// The pause before a cohort's next step; the same for the same cohort and step.
    func stepDelay(cohort: Int64, position: Int) -> TimeInterval {
        guard self == .realistic else { return 0 }
        var mix = UInt64(bitPattern: cohort) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(position) &* 0xBF58_476D_1CE4_E5B9
        mix ^= mix >> 31
        return 1 + Double(mix % 2001) / 1000
    }
}

/// The engine's knobs.
public struct EngineSettings: Sendable, Hashable {
    public var pace: Pace
    /// Waits last their duration divided by this (86,400 makes a day a second).
    public var timeWarp: Double
    /// Rows of a bulk event decided per transaction.
    public var batchSize: Int
    /// Test hook: after this many bulk batches the engine takes no more work, as if killed mid-run.
    public var haltAfterBatches: Int?

    public init(pace: Pace = .instant, timeWarp: Double = 1, batchSize: Int = 10_000, haltAfterBatches: Int? = nil) {
        self.pace = pace
        self.timeWarp = max(timeWarp, 0.000_001)
        self.batchSize = max(batchSize, 1)
        self.haltAfterBatches = haltAfterBatches
    }

    /// How long a Wait activity holds contacts on the engine's clock.
    func waitInterval(duration: Int, unit: WaitUnit, from start: Date) -> TimeInterval {
        let component: Calendar.Component =
            switch unit {
            case .minutes: .minute
            case .hours: .hour
            case .days: .day
            case .weeks: .weekOfYear
            case .months: .month
            case .years: .year
            }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let end = calendar.date(byAdding: component, value: duration, to: start) ?? start
        return end.timeIntervalSince(start) / timeWarp
    }
}

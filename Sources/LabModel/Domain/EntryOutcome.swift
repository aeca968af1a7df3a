/// What happened when an event reached a contact for one journey: the contact entered, or why not.
/// Raw values are what the entries table stores.
public enum EntryOutcome: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case entered = 0
    /// The trigger's contact filter was not met by the contact's attributes at entry time.
    case filterNotMet = 1
    /// The entry mode kept the contact out: already inside, or entered before under No re-entry.
    case alreadyInJourney = 2
    /// The journey has no published version listening for the event: recorded, nobody enters.
    case noRunningVersion = 3

    public var description: String {
        switch self {
        case .entered: "entered"
        case .filterNotMet: "filter not met"
        case .alreadyInJourney: "already in the journey"
        case .noRunningVersion: "no running version"
        }
    }
}

/// How many contacts entered and how many were skipped, by reason.
public struct EntryCounts: Sendable, Hashable {
    public var entered = 0
    public var filterNotMet = 0
    public var alreadyInJourney = 0
    public var noRunningVersion = 0

    public init() {}

    public var skipped: Int { filterNotMet + alreadyInJourney + noRunningVersion }

    public subscript(outcome: EntryOutcome) -> Int {
        get {
            switch outcome {
            case .entered: entered
            case .filterNotMet: filterNotMet
            case .alreadyInJourney: alreadyInJourney
            case .noRunningVersion: noRunningVersion
            }
        }
        set {
            switch outcome {
            case .entered: entered = newValue
            case .filterNotMet: filterNotMet = newValue
            case .alreadyInJourney: alreadyInJourney = newValue
            case .noRunningVersion: noRunningVersion = newValue
            }
        }
    }

    static func + (lhs: EntryCounts, rhs: EntryCounts) -> EntryCounts {
        var sum = lhs
        for outcome in EntryOutcome.allCases { sum[outcome] += rhs[outcome] }
        return sum
    }

    /// `3 entered, 2 skipped (filter not met)`.
    public var summary: String {
        let reasons = EntryOutcome.allCases.dropFirst().filter { self[$0] > 0 }.map { "\(self[$0]) \($0)" }
        let skippedText = skipped == 0 ? "0 skipped" : "\(skipped) skipped (\(reasons.joined(separator: ", ")))"
        return "\(entered) entered, \(skippedText)"
    }
}

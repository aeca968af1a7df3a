import Foundation
import Synchronization

@testable import LabModel

/// A clock tests move by hand, so waits and delays pass without sleeping.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A temporary workspace with its engine running, and the seed's configuration when asked.
final class EngineFixture {
    let temp: TemporaryWorkspace
    let clock: ManualClock?
    var workspace: Workspace { temp.workspace }
    var engine: EventEngine { temp.workspace.engine }

    init(manualClock: Bool = false, settings: EngineSettings = EngineSettings()) throws {
        let clock = manualClock ? ManualClock() : nil
        self.clock = clock
        let now: @Sendable () -> Date
        if let clock { now = { clock.now } } else { now = { Date() } }
        temp = try TemporaryWorkspace(clock: now)
        temp.workspace.engine.settings = settings
        temp.workspace.engine.start()
    }

    /// Moves the manual clock on and lets the engine take what fell due.
    func pass(_ seconds: TimeInterval) async {
        clock!.advance(by: seconds)
        await engine.settle()
    }

    /// The seed's members (sendable) and the journey "Slow", not yet activated: a one-day Wait,
    /// then `Updated` set to True.
    func slowJourney() throws -> (members: DataExtension, trigger: EventDefinition, journey: Journey) {
        let members = try temp.members()
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        let journey = try workspace.createJourney(name: "Slow")
        let trigger = try workspace.setTrigger(of: .id(journey.id), name: "Slow entry", dataExtension: .id(members.id))
        try workspace.addWaitActivity(to: .id(journey.id), duration: 1, unit: .days)
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(members.id), field: "Updated", value: "True")
        return (members, trigger, journey)
    }

    /// Each member's `Updated` flag by email address.
    func flags(_ de: DataExtension) throws -> [String: String] {
        let page = try workspace.rows(of: .id(de.id), limit: 1_000)
        return Dictionary(
            uniqueKeysWithValues: page.records.map {
                ($0[de.field(named: "EmailAddress")!].displayText, $0[de.field(named: "Updated")!].displayText)
            })
    }

    func record(_ de: DataExtension, email: String) throws -> [String: String] {
        let page = try workspace.rows(
            of: .id(de.id), limit: 1_000, matching: .compare(field: "EmailAddress", .equals, value: email))
        return page.records.first.map { $0.texts(in: de) } ?? [:]
    }

    deinit { temp.workspace.close() }
}

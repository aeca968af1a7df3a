import Foundation
import LabModel

/// The seed's members with a journey anyone may re-enter at any time (no filter), so the same
/// API event can be fired again and again, each time updating the member's row.
struct APIEventWorkspace {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-bench-api-\(getpid())")
    let workspace: Workspace
    let key: String

    /// One per benchmark process, so each sample measures only the event.
    static let shared = try! APIEventWorkspace()

    init() throws {
        // Each benchmark process leaves its small workspace behind; the next one clears them.
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix("journeylab-bench-api-") {
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        let members = try workspace.createDataExtension(SeedScenario.memberDataExtension())
        try workspace.addRecords(to: .id(members.id), rows: SeedScenario.members)
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        let journey = try workspace.createJourney(name: "Every time")
        key = try workspace.setTrigger(of: .id(journey.id), name: "API", type: .apiEvent, dataExtension: .id(members.id)).key
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(members.id), field: "Updated", value: "True")
        try workspace.setEntryMode(.reEntryAnytime, of: .id(journey.id))
        try workspace.activate(.id(journey.id))
        workspace.engine.start()
        // Warm the statement caches and the engine's thread.
        for _ in 0..<3 { try fire() }
    }

    @discardableResult
    func fire() throws -> FiredEvent {
        try workspace.fireAPIEvent(key: key, contact: .key("susan@sausage.com"), data: ["EmailAddress": "susan@sausage.com"])
    }
}

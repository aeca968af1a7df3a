import Foundation
import LabModel

/// A workspace on a temporary file holding the seed's member data extension.
struct MemberWorkspace {
    static let memberCount = 1_000_000
    static let batchSize = 10_000

    let folder: URL
    let workspace: Workspace
    let members: DataExtensionReference

    init(folder: URL = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-bench-\(UUID().uuidString)"))
        throws
    {
        self.folder = folder
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        if let existing = try workspace.dataExtensions().first {
            members = .id(existing.id)
        } else {
            members = .id(try workspace.createDataExtension(SeedScenario.memberDataExtension()).id)
        }
    }

    /// `memberCount` members in batches of `batchSize`, made before a measurement starts.
    static func batches() -> [[[String: String]]] {
        stride(from: 0, to: memberCount, by: batchSize).map { start in (start..<start + batchSize).map(member) }
    }

    /// Adds the batches, each one transaction.
    func fill(with batches: [[[String: String]]] = MemberWorkspace.batches()) throws {
        for batch in batches { try workspace.addRecords(to: members, rows: batch) }
    }

    /// Member n: unique address, and one of 5,000 last names spread over the rows so a sort by
    /// LastName reorders them thoroughly.
    static func member(_ n: Int) -> [String: String] {
        [
            "EmailAddress": "member\(n)@club.example.com",
            "MemberID": String(n),
            "FirstName": "First\(n % 1000)",
            "LastName": "Surname\((n &* 7919) % 5000)",
        ]
    }

    func remove() {
        workspace.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Built once and shared by the read benchmarks, which each run in a process of their own:
    /// kept in a folder named for the schema, and rebuilt when it is incomplete.
    static let filled: MemberWorkspace = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-bench-members-schema3")
        if let kept = try? MemberWorkspace(folder: folder) {
            if (try? kept.workspace.rowCount(of: kept.members)) == memberCount { return kept }
            kept.workspace.close()
        }
        try? FileManager.default.removeItem(at: folder)
        let workspace = try! MemberWorkspace(folder: folder)
        try! workspace.fill()
        return workspace
    }()
}

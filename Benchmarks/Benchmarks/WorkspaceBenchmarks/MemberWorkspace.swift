import Foundation
import LabModel

/// A workspace on a temporary file holding the seed's member data extension.
struct MemberWorkspace {
    static let memberCount = 1_000_000
    static let batchSize = 10_000

    let folder: URL
    let workspace: Workspace
    let members: DataExtensionReference

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-bench-\(UUID().uuidString)")
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        members = .id(try workspace.createDataExtension(SeedScenario.memberDataExtension()).id)
    }

    /// Adds `memberCount` members in batches of `batchSize`, each batch one transaction.
    func fill() throws {
        for start in stride(from: 0, to: Self.memberCount, by: Self.batchSize) {
            try workspace.addRecords(to: members, rows: (start..<start + Self.batchSize).map(Self.member))
        }
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

    /// Built once and shared by the read benchmarks.
    static let filled: MemberWorkspace = {
        let workspace = try! MemberWorkspace()
        try! workspace.fill()
        return workspace
    }()
}

import Foundation
import LabModel

/// A workspace on a real SQLite file in a fresh temporary folder, removed afterwards.
final class TemporaryWorkspace {
    let folder: URL
    let workspace: Workspace
    var path: String { workspace.path }

    init(clock: @escaping @Sendable () -> Date = { Date() }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path, clock: clock)
    }

    /// The seed's member data extension, with its three members when `filled`.
    @discardableResult
    func members(filled: Bool = true) throws -> DataExtension {
        let de = try workspace.createDataExtension(SeedScenario.memberDataExtension())
        if filled { try workspace.addRecords(to: .id(de.id), rows: SeedScenario.members) }
        return try workspace.dataExtension(.id(de.id))
    }

    /// Sku (Text, primary key) and Price (Decimal(18,2)).
    func prices() throws -> DataExtension {
        try workspace.createDataExtension(
            DataExtensionDraft(
                name: "Prices",
                fields: [
                    Field(name: "Sku", type: .text, isPrimaryKey: true),
                    Field(name: "Price", type: .decimal(precision: 18, scale: 2)),
                ]))
    }

    deinit {
        workspace.close()
        try? FileManager.default.removeItem(at: folder)
    }
}

extension Record {
    /// The record's values by field name, as displayed.
    func texts(in de: DataExtension) -> [String: String] {
        Dictionary(uniqueKeysWithValues: de.fields.map { ($0.name, self[$0].displayText) })
    }
}

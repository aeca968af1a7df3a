import Foundation
import LabModel

/// `journeylab status`, as text for people and JSON for scripts.
struct StatusReport: Encodable {
    struct Owner: Encodable {
        let pid: Int32?
        let serverURL: String?
    }

    struct FieldReport: Encodable {
        let name: String
        let type: String
        let length: Int?
        let precision: Int?
        let scale: Int?
        let primaryKey: Bool
        let required: Bool
        let defaultValue: String?
        let system: Bool
    }

    struct DataExtensionReport: Encodable {
        let id: String
        let name: String
        let externalKey: String
        let description: String
        let sendable: Bool
        let sendableField: String?
        let rowCount: Int
        let fields: [FieldReport]
    }

    let workspace: String
    let exists: Bool
    let owner: Owner?
    let dataExtensions: [DataExtensionReport]
    let contactModel: ContactModelReport

    enum CodingKeys: String, CodingKey {
        case workspace, exists, owner, dataExtensions
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workspace, forKey: .workspace)
        try container.encode(exists, forKey: .exists)
        try container.encode(owner, forKey: .owner)
        try container.encode(dataExtensions, forKey: .dataExtensions)
        try contactModel.encode(to: encoder)
    }

    init(path: String) throws {
        workspace = path
        let owner = Workspace.currentOwner(ofWorkspaceAt: path)
        self.owner = owner.map { Owner(pid: $0.pid, serverURL: $0.serverURL) }
        guard FileManager.default.fileExists(atPath: path) else {
            exists = false
            dataExtensions = []
            contactModel = .empty
            return
        }
        exists = true
        let workspace = try ReadOnlyWorkspace(path: path)
        let definitions = try workspace.dataExtensions()
        dataExtensions = definitions.map(Self.report)
        contactModel = try ContactModelReport(workspace, dataExtensions: definitions)
    }

    private static func report(_ de: DataExtension) -> DataExtensionReport {
        DataExtensionReport(
            id: de.id.storageText, name: de.name, externalKey: de.externalKey, description: de.description,
            sendable: de.isSendable, sendableField: de.sendableField?.name, rowCount: de.rowCount,
            fields: de.fields.map { field in
                var precision: Int?, scale: Int?
                if case .decimal(let p, let s) = field.type { (precision, scale) = (p, s) }
                return FieldReport(
                    name: field.name, type: field.type.name, length: field.length, precision: precision, scale: scale,
                    primaryKey: field.isPrimaryKey, required: field.isRequired, defaultValue: field.defaultValue,
                    system: field.isSystem)
            })
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    var text: String {
        var lines = ["Workspace  \(workspace)"]
        lines.append(
            "Owner      "
                + (owner.map { o in
                    (o.pid.map { "process \($0)" } ?? "another process") + (o.serverURL.map { ", serving \($0)" } ?? "")
                } ?? "none"))
        guard exists else {
            lines.append("")
            lines.append("No workspace file yet: JourneyLab creates it the first time it runs.")
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append(dataExtensions.isEmpty ? "No data extensions yet." : "Data extensions (\(dataExtensions.count))")
        for de in dataExtensions {
            let sendable = de.sendableField.map { "sendable: \($0) → Subscriber Key" } ?? "not sendable"
            lines.append("")
            lines.append("  \(de.name)   \(de.rowCount) row\(de.rowCount == 1 ? "" : "s")   \(sendable)")
            lines.append("  external key \(de.externalKey)")
            let width = de.fields.map(\.name.count).max() ?? 0
            for field in de.fields {
                var notes: [String] = []
                if field.primaryKey { notes.append("primary key") } else if field.required { notes.append("required") }
                if let value = field.defaultValue { notes.append("default \(value)") }
                if field.system { notes.append("system") }
                let name = field.name.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("    \(name)  \(Self.typeText(field))\(notes.isEmpty ? "" : "  " + notes.joined(separator: ", "))")
            }
        }
        lines += contactModel.textLines
        return lines.joined(separator: "\n")
    }

    private static func typeText(_ field: FieldReport) -> String {
        if let precision = field.precision { return "\(field.type)(\(precision),\(field.scale ?? 0))" }
        if let length = field.length { return "\(field.type)(\(length))" }
        return field.type
    }
}

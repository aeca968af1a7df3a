import Foundation
import GRDB

extension Workspace {
    /// Creates a scheduled automation with no steps yet.
    @discardableResult
    public func createAutomation(name: String, key: String? = nil, description: String = "") throws -> Automation {
        try DefinitionRules.checkName(name, of: "automation")
        let automationKey = KeyRules.key(key) { UUID().uuidString.lowercased() }
        let automation = Automation(
            id: UUID(), key: automationKey, name: name.trimmingCharacters(in: .whitespaces), description: description,
            type: "scheduled", status: .pausedSchedule, steps: [])
        return try perform { db in
            try requireUniqueName(automation.name, table: "automation", kind: "automation", in: db)
            try requireUniqueKey(automationKey, table: "automation", kind: "automation", in: db)
            try db.execute(
                sql:
                    "INSERT INTO automation (id, key, name, description, type, status, createdAt, modifiedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    automation.id.storageText, automationKey, automation.name, description, automation.type,
                    automation.status.rawValue, clock(), clock(),
                ])
            return (
                automation,
                JournalLine(
                    entity: "automation", action: "create", entityIDs: [automation.id.storageText],
                    sentence: "Created automation \(automation.name) (key \(automationKey)).")
            )
        }
    }

    /// Adds a Fire Event activity (objectTypeId 749) for `dataExtension` to a step.
    @discardableResult
    public func addFireEventActivity(
        to automationID: UUID, dataExtension: DataExtensionReference, step: Int = 1, name: String? = nil
    ) throws -> Automation {
        try perform { db in
            guard let automation = try ContactModelStore.automations(in: db).first(where: { $0.id == automationID }) else {
                throw ContactModelError.notFound(kind: "automation", reference: "id \(automationID.storageText)")
            }
            let de = try StoredDataExtension.load(dataExtension, in: db).definition
            let order = automation.steps.first { $0.number == step }?.activities.count ?? 0
            let activityName = name ?? "Fire Event: \(de.name)"
            try db.execute(
                sql:
                    "INSERT INTO automationActivity (id, automationID, step, displayOrder, name, objectTypeID, dataExtensionID) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    UUID().storageText, automationID.storageText, step, order + 1, activityName,
                    AutomationActivity.fireEventObjectTypeID, de.id.storageText,
                ])
            try db.execute(
                sql: "UPDATE automation SET modifiedAt = ? WHERE id = ?", arguments: [clock(), automationID.storageText])
            let updated = try ContactModelStore.automations(in: db).first { $0.id == automationID }!
            return (
                updated,
                JournalLine(
                    entity: "automation", action: "update", entityIDs: [automationID.storageText, de.id.storageText],
                    sentence: "Added \(activityName) to step \(step) of automation \(automation.name).")
            )
        }
    }
}

extension WorkspaceReading {
    public func automations() throws -> [Automation] {
        try database.read { try ContactModelStore.automations(in: $0) }
    }

    /// The automation with this key or name.
    public func automation(named nameOrKey: String) throws -> Automation {
        guard
            let automation = try automations().first(where: {
                $0.key.caseInsensitiveCompare(nameOrKey) == .orderedSame
                    || $0.name.caseInsensitiveCompare(nameOrKey) == .orderedSame
            })
        else {
            throw ContactModelError.notFound(kind: "automation", reference: "name or key \(nameOrKey)")
        }
        return automation
    }

    /// The automation's runs, oldest first.
    public func runs(of automationID: UUID) throws -> [AutomationRun] {
        try database.read { try ContactModelStore.automationRuns(of: automationID, in: $0) }
    }
}

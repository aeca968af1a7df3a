import Foundation
import GRDB

extension Workspace {
    /// Creates a scheduled automation with no steps yet.
    @discardableResult
    public func createAutomation(name: String, key: String? = nil, description: String = "") throws -> Automation {
        try DefinitionRules.checkName(name, of: "automation")
        let automationKey = try KeyRules.key(key) { UUID().storageText }
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

/// One Fire Event activity as a caller lists it when replacing an automation's steps.
public struct FireEventActivitySpec: Sendable, Hashable {
    public var step: Int
    public var name: String?
    public var dataExtension: DataExtensionReference

    public init(step: Int, name: String? = nil, dataExtension: DataExtensionReference) {
        self.step = step
        self.name = name
        self.dataExtension = dataExtension
    }
}

extension Workspace {
    /// Changes an automation's name, key or description, and, when `activities` is given,
    /// replaces its steps: all in one change. Refused while it runs.
    @discardableResult
    public func editAutomation(
        _ automationID: UUID, name: String? = nil, key: String? = nil, description: String? = nil,
        activities: [FireEventActivitySpec]? = nil
    ) throws -> Automation {
        if let name { try DefinitionRules.checkName(name, of: "automation") }
        if let key { try KeyRules.check(key) }
        return try perform { db in
            guard let automation = try ContactModelStore.automations(in: db).first(where: { $0.id == automationID }) else {
                throw ContactModelError.notFound(kind: "automation", reference: "id \(automationID.storageText)")
            }
            guard automation.status != .running else {
                throw FireEventError.automationAlreadyRunning(automation: automation.name)
            }
            let newName = name?.trimmingCharacters(in: .whitespaces) ?? automation.name
            let newKey = key?.trimmingCharacters(in: .whitespaces) ?? automation.key
            if newName.caseInsensitiveCompare(automation.name) != .orderedSame {
                try requireUniqueName(newName, table: "automation", kind: "automation", in: db)
            }
            if newKey.caseInsensitiveCompare(automation.key) != .orderedSame {
                try requireUniqueKey(newKey, table: "automation", kind: "automation", in: db)
            }
            try db.execute(
                sql: "UPDATE automation SET name = ?, key = ?, description = ?, modifiedAt = ? WHERE id = ?",
                arguments: [newName, newKey, description ?? automation.description, clock(), automationID.storageText])
            if let activities {
                try db.execute(
                    sql: "DELETE FROM automationActivity WHERE automationID = ?", arguments: [automationID.storageText])
                var order: [Int: Int] = [:]
                for activity in activities {
                    let de = try StoredDataExtension.load(activity.dataExtension, in: db).definition
                    order[activity.step, default: 0] += 1
                    try db.execute(
                        sql:
                            "INSERT INTO automationActivity (id, automationID, step, displayOrder, name, objectTypeID, dataExtensionID) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            UUID().storageText, automationID.storageText, activity.step, order[activity.step]!,
                            activity.name ?? "Fire Event: \(de.name)", AutomationActivity.fireEventObjectTypeID,
                            de.id.storageText,
                        ])
                }
            }
            let stepsText =
                activities.map { " Steps replaced: \($0.count) Fire Event activit\($0.count == 1 ? "y" : "ies")." } ?? ""
            return (
                try ContactModelStore.automations(in: db).first { $0.id == automationID }!,
                JournalLine(
                    entity: "automation", action: "update", entityIDs: [automationID.storageText],
                    sentence: "Edited automation \(newName).\(stepsText)")
            )
        }
    }
}

import Foundation
import GRDB

/// The `automation` table; its activities are rows of `automationActivity`.
struct AutomationRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "automation"

    let id: UUID
    let key: String
    let name: String
    let description: String
    let type: String
    let status: AutomationStatus

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        id = try columns.required("id")
        key = try columns.required("key")
        name = try columns.required("name")
        description = try columns.required("description")
        type = try columns.required("type")
        status = try columns.required("status")
    }

    func automation(steps: [AutomationStep]) -> Automation {
        Automation(id: id, key: key, name: name, description: description, type: type, status: status, steps: steps)
    }
}

/// The `automationActivity` table: one activity of a step.
struct AutomationActivityRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "automationActivity"

    let automationID: UUID
    let step: Int
    let activity: AutomationActivity

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        automationID = try columns.required("automationID")
        step = try columns.required("step")
        activity = AutomationActivity(
            id: try columns.required("id"), name: try columns.required("name"),
            objectTypeID: try columns.required("objectTypeID"), dataExtensionID: try columns.required("dataExtensionID"))
    }
}

/// The `automationRun` table; how each activity went is a row of `automationActivityRun`.
struct AutomationRunRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "automationRun"

    let id: UUID
    let automationID: UUID
    let status: AutomationRun.RunStatus
    let startedAt: Date
    let endedAt: Date?
    let message: String?

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        id = try columns.required("id")
        automationID = try columns.required("automationID")
        status = try columns.required("status")
        startedAt = try columns.required("startedAt")
        endedAt = try columns.optional("endedAt")
        message = try columns.optional("message")
    }

    func run(activities: [ActivityRun]) -> AutomationRun {
        AutomationRun(
            id: id, automationID: automationID, status: status, startedAt: startedAt, endedAt: endedAt, message: message,
            activities: activities)
    }
}

/// The `automationActivityRun` table: how one activity of a run went, in the run's order.
struct AutomationActivityRunRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "automationActivityRun"

    let runID: UUID
    let ordinal: Int
    let activityRun: ActivityRun

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        runID = try columns.required("runID")
        ordinal = try columns.required("ordinal")
        var skipped = EntryCounts()
        skipped.filterNotMet = try columns.required("skippedFilter")
        skipped.alreadyInJourney = try columns.required("skippedAlreadyIn")
        skipped.noRunningVersion = try columns.required("skippedNoVersion")
        activityRun = ActivityRun(
            activityID: try columns.required("activityID"), status: try columns.required("status"),
            rowsRead: try columns.required("rowsRead"), contactsEntered: try columns.required("contactsEntered"),
            contactsSkipped: try columns.required("contactsSkipped"), skipped: skipped,
            rowsWithoutContact: try columns.required("rowsWithoutContact"),
            eventInstanceID: try columns.optional("eventInstanceID"), message: try columns.optional("message"))
    }
}

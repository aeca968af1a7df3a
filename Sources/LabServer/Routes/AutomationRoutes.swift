import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// Automations (`/automation/v1/automations`): list, read, create with Fire Event activities,
/// Run Once, and a run's progress.
struct AutomationRoutes: RouteFamily {
    static let refusals = RefusalDialect.automations
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.get, "/automation/v1/automations", operation: .readAutomations) { try list($0) },
            Route(.post, "/automation/v1/automations", operation: .writeAutomations) { try create($0) },
            Route(.get, "/automation/v1/automations/instance/{instanceId}", operation: .readAutomations) { try run($0) },
            Route(.get, "/automation/v1/automations/{id}", operation: .readAutomations) { try read($0) },
            Route(.patch, "/automation/v1/automations/{id}", operation: .writeAutomations) { try change($0) },
            Route(.post, "/automation/v1/automations/{id}/actions/runallonce", operation: .runAutomations) { try runOnce($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    func list(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let all = try workspace.automations()
        let pageSize = try request.pageSize(maximum: 500)
        let page = try request.pageNumber()
        let items = try all.dropFirst((page - 1) * pageSize).prefix(pageSize).map { try json($0, withSteps: false) }
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "page": .number(page), "pageSize": .number(pageSize), "count": .number(all.count), "items": .array(items),
            ]))
    }

    func read(_ request: EmulatorRequest) throws -> EmulatorResponse {
        EmulatorResponse(status: .ok, body: try json(try automation(request), withSteps: true))
    }

    /// `name`, `key`, `description`, and `steps[].activities[]` of Fire Event (objectTypeId 749),
    /// each naming its data extension by `targetDataExtensions[0]` (`id` or `key`) or `activityObjectId`.
    func create(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        guard let name = try body.nonEmptyString("name") else { throw APIError.badRequest("name is required.") }
        let activities = try Self.activities(in: body)
        // Every data extension is checked first, so a refused one leaves no automation behind.
        for activity in activities { _ = try workspace.dataExtension(activity.dataExtension) }
        let automation = try workspace.createAutomation(
            name: name, key: try body.nonEmptyString("key"), description: try body.stringMember("description") ?? "")
        let created = try workspace.editAutomation(automation.id, activities: activities)
        return EmulatorResponse(status: .created, body: try json(created, withSteps: true))
    }

    /// Name, key, description, and (when `steps` is sent) the steps, replaced whole.
    func change(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let automation = try automation(request)
        let body = try request.jsonObject()
        let activities = body["steps"] == nil ? nil : try Self.activities(in: body)
        let changed = try workspace.editAutomation(
            automation.id, name: try body.nonEmptyString("name"), key: try body.nonEmptyString("key"),
            description: try body.stringMember("description"), activities: activities)
        return EmulatorResponse(status: .ok, body: try json(changed, withSteps: true))
    }

    private static func activities(in body: JSONValue) throws -> [FireEventActivitySpec] {
        var activities: [FireEventActivitySpec] = []
        for (index, step) in try (body.list("steps") ?? []).enumerated() {
            let stepPath = "steps[\(index)]"
            let number = Int(try step.asObject(at: stepPath).scalar("step", at: stepPath) ?? "") ?? index + 1
            for (order, activity) in try (step.list("activities", at: stepPath) ?? []).enumerated() {
                let path = "\(stepPath).activities[\(order)]"
                let type =
                    Int(try activity.asObject(at: path).scalar("objectTypeId", at: path) ?? "")
                    ?? AutomationActivity.fireEventObjectTypeID
                guard type == AutomationActivity.fireEventObjectTypeID else {
                    throw APIError.badRequest("Only Fire Event activities (objectTypeId 749) can be run here, not \(type).")
                }
                let targetPath = "\(path).targetDataExtensions[0]"
                let target = try activity.list("targetDataExtensions", at: path)?.first?.asObject(at: targetPath)
                let reference: DataExtensionReference
                if let key = try target?.nonEmptyString("key", at: targetPath) {
                    reference = .externalKey(key)
                } else if let id = try
                    (target?.nonEmptyString("id", at: targetPath) ?? activity.nonEmptyString("activityObjectId", at: path))
                    .flatMap(UUID.init(uuidString:))
                {
                    reference = .id(id)
                } else {
                    throw APIError.badRequest(
                        "A Fire Event activity names its data extension in targetDataExtensions or activityObjectId.")
                }
                activities.append(
                    FireEventActivitySpec(
                        step: number, name: try activity.nonEmptyString("name", at: path), dataExtension: reference))
            }
        }
        return activities
    }

    /// Run Once: 200 with the automation Running and the run's instance id.
    func runOnce(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let automation = try automation(request)
        let run = try workspace.runOnce(automation.id)
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "id": .string(automation.id.storageText), "status": .string(AutomationStatus.running.rawValue),
                "statusId": .number(AutomationStatus.running.id), "lastRunInstanceId": .string(run.id.storageText),
            ]))
    }

    /// A run's progress: its status and each activity's counts.
    func run(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let id = request.captures["instanceId"] ?? ""
        guard let runID = UUID(uuidString: id),
            let (automation, run) = try workspace.automations().lazy.compactMap({ automation in
                try workspace.runs(of: automation.id).first { $0.id == runID }.map { (automation, $0) }
            }).first
        else { throw APIError.envelope(.notFound, "Automation instance \(id) was not found.", code: 10001) }
        let activities = automation.steps.flatMap(\.activities)
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "id": .string(id.lowercased()), "automationId": .string(automation.id.storageText),
                "status": .string(run.status.rawValue), "startTime": .string(MarketingCloudDate.text(run.startedAt)),
                "endTime": .string(run.endedAt.map(MarketingCloudDate.text) ?? MarketingCloudDate.none),
                "statusMessage": .string(run.message ?? ""),
                "activities": .array(
                    run.activities.map { progress in
                        let activity = activities.first { $0.id == progress.activityID }
                        return .object([
                            "id": .string(progress.activityID.storageText), "name": .string(activity?.name ?? ""),
                            "objectTypeId": .number(activity?.objectTypeID ?? AutomationActivity.fireEventObjectTypeID),
                            "status": .string(progress.status.rawValue), "statusMessage": .string(progress.message ?? ""),
                            "rowsRead": .number(progress.rowsRead), "contactsEntered": .number(progress.contactsEntered),
                            "contactsSkipped": .number(progress.contactsSkipped),
                        ])
                    }),
            ]))
    }

    private func automation(_ request: EmulatorRequest) throws -> Automation {
        let id = request.captures["id"] ?? ""
        let found: Automation?
        if let key = id.keyAddress {
            found = try workspace.existingAutomation(named: key)
        } else if let uuid = UUID(uuidString: id) {
            found = try workspace.automations().first { $0.id == uuid }
        } else {
            found = nil
        }
        guard let found else { throw APIError.envelope(.notFound, "Automation \(id) was not found.", code: 10001) }
        return found
    }

    private func json(_ automation: Automation, withSteps: Bool) throws -> JSONValue {
        let last = try workspace.runs(of: automation.id).last
        var fields: [String: JSONValue] = [
            "id": .string(automation.id.storageText), "name": .string(automation.name),
            "description": .string(automation.description), "key": .string(automation.key), "typeId": .number(1),
            "type": .string(automation.type), "statusId": .number(automation.status.id),
            "status": .string(automation.status.rawValue),
            "categoryId": .number(0),
            "lastRunTime": .string(last.map { MarketingCloudDate.text($0.startedAt) } ?? MarketingCloudDate.none),
            "lastRunInstanceId": .string(last?.id.storageText ?? ""),
        ]
        if withSteps {
            let dataExtensions = Dictionary(uniqueKeysWithValues: try workspace.dataExtensions().map { ($0.id, $0) })
            fields["steps"] = .array(
                automation.steps.map { step in
                    .object([
                        "step": .number(step.number), "name": .string(""), "description": .string(""),
                        "activities": .array(
                            step.activities.enumerated().map { order, activity in
                                let de = dataExtensions[activity.dataExtensionID]
                                return .object([
                                    "id": .string(activity.id.storageText), "name": .string(activity.name),
                                    "activityObjectId": .string(activity.dataExtensionID.storageText),
                                    "objectTypeId": .number(activity.objectTypeID), "displayOrder": .number(order + 1),
                                    "targetDataExtensions": .array(
                                        de.map { de in
                                            [
                                                .object([
                                                    "id": .string(de.id.storageText), "name": .string(de.name),
                                                    "key": .string(de.externalKey), "description": .string(de.description),
                                                    "rowCount": .number(de.rowCount),
                                                ])
                                            ]
                                        } ?? []),
                                ])
                            }),
                    ])
                })
        }
        return .object(fields)
    }
}

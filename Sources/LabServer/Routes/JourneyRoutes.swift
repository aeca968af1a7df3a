import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// Journeys (`/interaction/v1/interactions`) as Journey Builder's API shows them: one object per
/// version, activities naming data extensions and fields by GUID, the trigger's filter as XML.
struct JourneyRoutes: RouteFamily {
    static let refusals = RefusalDialect.interactions
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.get, "/interaction/v1/interactions", operation: .readJourneys) { try list($0) },
            Route(.get, "/interaction/v1/interactions/{id}", operation: .readJourneys) { try read($0) },
            Route(.post, "/interaction/v1/interactions", operation: .writeJourneys) { try create($0) },
            Route(.put, "/interaction/v1/interactions", operation: .writeJourneys) { try update($0) },
            Route(.put, "/interaction/v1/interactions/{id}", operation: .writeJourneys) { try update($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    /// `key`, `id` (every version of the journey holding it), `status`, `mostRecentVersionOnly`
    /// (default true), `$page`, `$pageSize` (at most 50).
    func list(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let query = request.query
        var journeys = try workspace.journeys()
        if let key = query["key"] { journeys = journeys.filter { $0.key.caseInsensitiveCompare(key) == .orderedSame } }
        let mostRecentVersionOnly = try request.booleanParameter("mostRecentVersionOnly")
        var newestOnly = mostRecentVersionOnly ?? true
        if let id = query["id"] {
            journeys = journeys.filter { $0.versions.contains { $0.id.uuidString.caseInsensitiveCompare(id) == .orderedSame } }
            newestOnly = mostRecentVersionOnly ?? false
        }
        var versions = journeys.flatMap { journey in
            (newestOnly ? Array(journey.versions.suffix(1)) : journey.versions).map { (journey, $0) }
        }
        if let status = query["status"] {
            versions = versions.filter { $0.1.status.rawValue.caseInsensitiveCompare(status) == .orderedSame }
        }
        let pageSize = try request.pageSize(maximum: 50)
        let page = try request.pageNumber()
        let items = try versions.dropFirst((page - 1) * pageSize).prefix(pageSize).map { try json($0.0, $0.1) }
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "count": .number(versions.count), "page": .number(page), "pageSize": .number(pageSize), "links": .object([:]),
                "items": .array(items),
            ]))
    }

    /// By a version's id or `key:{key}`; `versionNumber` picks a version, else the newest.
    func read(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let (journey, version) = try Self.version(addressedBy: request, in: workspace)
        return EmulatorResponse(status: .ok, body: try json(journey, version))
    }

    /// Creates a journey whose version 1 is the posted one, a Draft. `key` is required.
    func create(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        guard let key = try body.nonEmptyString("key") else { throw JourneyPlanReader.invalid("key is required.") }
        let plan = try JourneyPlanReader(workspace: workspace).plan(from: body)
        let journey = try workspace.createJourney(key: key, plan: plan)
        return EmulatorResponse(status: .ok, body: try json(journey, journey.versions[0]))
    }

    /// Writes version `version` whole. The journey is the path's (`key:{key}` or a version's id),
    /// else the body's `id` or `key`. `modifiedDate`, when sent, must be the journey's: a
    /// different one means it changed since the caller read it. A version no longer a draft
    /// answers 409; the number after such a version creates a new draft.
    func update(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        let journeys = try workspace.journeys()
        let sentKey = try body.nonEmptyString("key")
        let address = try request.captures["id"] ?? body.nonEmptyString("id") ?? sentKey.map { "key:\($0)" } ?? ""
        guard !address.isEmpty else {
            throw JourneyPlanReader.invalid("Name the journey: key:{key} in the path, or id or key in the body.")
        }
        guard let journey = Self.journey(addressedBy: address, in: journeys) else { throw Self.notFoundForUpdate }
        if let key = sentKey, key.caseInsensitiveCompare(journey.key) != .orderedSame {
            throw JourneyPlanReader.invalid("A journey's key cannot change: this one is \(journey.key), not \(key).")
        }
        let addressed = journey.versions.first { $0.id.uuidString.caseInsensitiveCompare(address) == .orderedSame }
        guard let number = try body.scalar("version").flatMap({ Int($0) }) ?? addressed?.number else {
            throw JourneyPlanReader.invalid("version is required: the number of the version to write.")
        }
        var expected: Date?
        if let modified = try body.nonEmptyString("modifiedDate") {
            guard let date = MarketingCloudDate.date(from: modified) else {
                throw JourneyPlanReader.invalid("modifiedDate \(modified) is not a date like 2024-05-04T17:25:57.9.")
            }
            expected = date
        }
        let plan = try JourneyPlanReader(workspace: workspace).plan(from: body)
        let written = try workspace.writeVersion(number, of: .id(journey.id), plan: plan, expectedModifiedAt: expected)
        return EmulatorResponse(status: .ok, body: try json(written, written.versions.first { $0.number == number }!))
    }

    static let notFound = APIError.envelope(.notFound, "Interaction matching criteria not found.", code: 30003)
    static let notFoundForUpdate = APIError.envelope(.notFound, "Interaction not found.", code: 30003)

    /// The journey and version a path names: `{id}` a version's id or `key:{key}`, and
    /// `versionNumber`, else the version with that id, else the newest.
    static func version(addressedBy request: EmulatorRequest, in workspace: Workspace) throws -> (Journey, JourneyVersion) {
        let id = request.captures["id"] ?? ""
        guard let journey = journey(addressedBy: id, in: try workspace.journeys()) else { throw notFound }
        let version: JourneyVersion?
        if let number = try request.integerParameter("versionNumber") {
            version = journey.versions.first { $0.number == number }
        } else if id.keyAddress == nil {
            version = journey.versions.first { $0.id.uuidString.caseInsensitiveCompare(id) == .orderedSame }
        } else {
            version = journey.newestVersion
        }
        guard let version else { throw notFound }
        return (journey, version)
    }

    /// `key:{key}`, or the id of any of its versions.
    static func journey(addressedBy address: String, in journeys: [Journey]) -> Journey? {
        if let key = address.keyAddress {
            return journeys.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }
        }
        return journeys.first { $0.versions.contains { $0.id.uuidString.caseInsensitiveCompare(address) == .orderedSame } }
    }

    func json(_ journey: Journey, _ version: JourneyVersion) throws -> JSONValue {
        let dataExtensions = Dictionary(uniqueKeysWithValues: try workspace.dataExtensions().map { ($0.id, $0) })
        let id = version.id.storageText
        var triggers: [JSONValue] = []
        if let trigger = version.trigger {
            let sourceName = dataExtensions[trigger.dataExtensionID]?.name ?? ""
            let criteria = trigger.filter.map { FilterDefinitionXML.text(of: $0, sourceName: sourceName) } ?? ""
            triggers.append(
                .object([
                    "id": .string(trigger.id.storageText), "key": .string("TRIGGER"), "name": .string(trigger.name),
                    "description": .string(""), "type": .string(trigger.type.rawValue), "outcomes": .array([]),
                    "arguments": .object([:]),
                    "configurationArguments": .object(["criteria": .string(criteria)]),
                    "metaData": .object([
                        "eventDefinitionId": .string(trigger.id.storageText),
                        "eventDefinitionKey": .string(trigger.key), "chainType": .string("None"),
                        "configurationRequired": .bool(false), "criteriaDescription": .string(trigger.filter?.description ?? ""),
                    ]),
                ]))
        }
        let activities = version.activities.enumerated().map { index, activity -> JSONValue in
            var outcome: [String: JSONValue] = [
                "key": .string(activity.id.storageText), "arguments": .object([:]),
                "metaData": .object(["invalid": .bool(false)]),
            ]
            if index + 1 < version.activities.count { outcome["next"] = .string(version.activities[index + 1].key) }
            var fields: [String: JSONValue] = [
                "id": .string(activity.id.storageText), "key": .string(activity.key), "name": .string(activity.name),
                "description": .string(""), "type": .string(activity.type), "outcomes": .array([.object(outcome)]),
            ]
            switch activity.kind {
            case .updateContactData(let dataExtensionID, let fieldID, let value):
                fields["arguments"] = .object([
                    "activityData": .object([
                        "updateContactFields": .array([
                            .object([
                                "dataExtensionId": .string(dataExtensionID.storageText),
                                "field": .string(fieldID.storageText), "value": .string(value.displayText),
                            ])
                        ])
                    ])
                ])
                fields["configurationArguments"] = .object([:])
                fields["metaData"] = .object(["isConfigured": .bool(true)])
            case .wait(let duration, let unit):
                fields["arguments"] = .object([:])
                fields["configurationArguments"] = .object([
                    "waitDuration": .number(duration), "waitUnit": .string(unit.rawValue),
                ])
                fields["metaData"] = .object(["isConfigured": .bool(true), "uiType": .string("WAITBYDURATION")])
            }
            return .object(fields)
        }
        let inside = try workspace.contactsInside(version: version.id)
        return .object([
            "id": .string(id), "key": .string(journey.key), "name": .string(journey.name),
            "description": .string(journey.description), "version": .number(version.number), "workflowApiVersion": .number(1),
            "createdDate": .string(MarketingCloudDate.text(journey.createdAt)),
            "modifiedDate": .string(MarketingCloudDate.text(journey.modifiedAt)),
            "lastPublishedDate": .string(version.publishedAt.map(MarketingCloudDate.text) ?? MarketingCloudDate.none),
            "activities": .array(activities), "triggers": .array(triggers), "goals": .array([]), "exits": .array([]),
            "notifiers": .array([]),
            "stats": .object([
                "currentPopulation": .number(inside), "cumulativePopulation": .number(0), "metGoal": .number(0),
                "metExitCriteria": .number(0), "goalPerformance": .number(0),
            ]),
            "entryMode": .string(version.entryMode.rawValue), "definitionType": .string("Multistep"), "channel": .string(""),
            "executionMode": .string("Production"), "categoryId": .number(0), "status": .string(version.status.rawValue),
            "definitionId": .string(id), "scheduledStatus": .string(version.status.rawValue),
        ])
    }
}

import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// Event definitions (`/interaction/v1/eventDefinitions`): what journeys' triggers listen for.
struct EventDefinitionRoutes: RouteFamily {
    static let refusals = RefusalDialect.standard
    unowned let emulator: Emulator

    /// Journey Builder's constants for API events.
    static let apiEventExtensionID = "7db1f972-f8b7-49b6-91b5-fa218e13953d"
    static let noAutomation = "00000000-0000-0000-0000-000000000000"

    var routes: [Route] {
        [
            Route(.get, "/interaction/v1/eventDefinitions", operation: .readJourneys) { try list($0) },
            Route(.post, "/interaction/v1/eventDefinitions", operation: .writeJourneys) { try create($0) },
            Route(.get, "/interaction/v1/eventDefinitions/{id}", operation: .readJourneys) { try read($0) },
            Route(.put, "/interaction/v1/eventDefinitions/{id}", operation: .writeJourneys) { try rename($0) },
            Route(.delete, "/interaction/v1/eventDefinitions/{id}", operation: .writeJourneys) { try delete($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    func list(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let name = request.query["name"]?.lowercased() ?? ""
        let all = try workspace.eventDefinitions().filter { name.isEmpty || $0.name.lowercased().contains(name) }
        let pageSize = try request.pageSize(maximum: 500)
        let page = try request.pageNumber()
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "count": .number(all.count), "page": .number(page), "pageSize": .number(pageSize), "links": .object([:]),
                "items": .array(try all.dropFirst((page - 1) * pageSize).prefix(pageSize).map(json)),
            ]))
    }

    func read(_ request: EmulatorRequest) throws -> EmulatorResponse {
        EmulatorResponse(status: .ok, body: try json(try definition(request)))
    }

    /// `type`, `name`, `eventDefinitionKey` (generated when absent), and either `dataExtensionId`
    /// or a `schema`, from which a data extension `<name> - <yyyy-MM-ddTHHmmssfff>` is created.
    func create(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        guard let name = try body.nonEmptyString("name") else { throw APIError.badRequest("name is required.") }
        let typeName = try body.nonEmptyString("type") ?? "APIEvent"
        let type: EventDefinitionType
        switch typeName.lowercased() {
        case "apievent", "event", "restevent": type = .apiEvent
        case "contactevent": type = .contactEvent
        default:
            throw APIError.badRequest("Event definitions of type \(typeName) are not emulated: use APIEvent or ContactEvent.")
        }
        let key = try body.nonEmptyString("eventDefinitionKey")
        if let key, key.contains(".") { throw APIError.badRequest("eventDefinitionKey cannot contain a period: \(key).") }
        let source: DataExtensionReference
        if let id = try body.nonEmptyString("dataExtensionId") {
            guard let uuid = UUID(uuidString: id) else { throw APIError.badRequest("dataExtensionId \(id) is not a GUID.") }
            source = .id(uuid)
        } else if let schema = try body.objectMember("schema") {
            source = .id(try createSchemaDataExtension(for: name, schema: schema).id)
        } else {
            throw APIError.badRequest("An event definition needs dataExtensionId or schema.")
        }
        let definition = try workspace.createEventDefinition(name: name, key: key, type: type, dataExtension: source)
        return EmulatorResponse(status: .ok, body: try json(definition))
    }

    func rename(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let current = try definition(request)
        guard let name = try request.jsonObject().nonEmptyString("name") else { throw APIError.badRequest("name is required.") }
        let renamed = try workspace.renameEventDefinition(key: current.key, to: name)
        return EmulatorResponse(status: .ok, body: try json(renamed))
    }

    func delete(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let current = try definition(request)
        try workspace.deleteEventDefinition(key: current.key)
        return EmulatorResponse(status: .ok, body: .object([:]))
    }

    private func createSchemaDataExtension(for name: String, schema: JSONValue) throws -> DataExtension {
        let fields = try (schema.list("fields", at: "schema") ?? []).enumerated().map { index, field in
            let path = "schema.fields[\(index)]"
            var normalized = try field.asObject(at: path).object ?? [:]
            if let dataType = field["dataType"] { normalized["type"] = dataType }
            return try DataExtensionRoutes.parseField(.object(normalized), at: path)
        }
        let stamp = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        return try workspace.createDataExtension(
            DataExtensionDraft(
                name: "\(name) - \(stamp)", fields: fields,
                sendableFieldName: schema["sendableCustomObjectField"]?.nonEmptyText))
    }

    /// By GUID, or `key:{key}`. Unknown ones answer as Marketing Cloud does (errorcode 30000).
    private func definition(_ request: EmulatorRequest) throws -> EventDefinition {
        let id = request.captures["id"] ?? ""
        let all = try workspace.eventDefinitions()
        let found: EventDefinition? =
            if let key = id.keyAddress {
                all.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }
            } else {
                all.first { $0.id.uuidString.caseInsensitiveCompare(id) == .orderedSame }
            }
        guard let found else {
            throw APIError.envelope(.notFound, "{{{ERROR_OPEN_SUPPORT_CASE}}}", code: 30000)
        }
        return found
    }

    private func json(_ definition: EventDefinition) throws -> JSONValue {
        let de = try workspace.dataExtension(.id(definition.dataExtensionID))
        let (all, published) = try workspace.journeyCounts(of: definition)
        let deID = de.id.storageText
        return .object([
            "id": .string(definition.id.storageText), "type": .string(definition.type.rawValue),
            "name": .string(definition.name), "description": .string(""), "mode": .string("Production"),
            "eventDefinitionKey": .string(definition.key), "dataExtensionId": .string(deID),
            "dataExtensionName": .string(de.name), "sourceApplicationExtensionId": .string(Self.apiEventExtensionID),
            "filterDefinitionTemplate": .string(""), "iconUrl": .string("/events/images/icon_journeyBuilder-event-api-blue.svg"),
            "arguments": .object([
                "serializedObjectType": .number(11), "eventDefinitionKey": .string(definition.key),
                "dataExtensionId": .string(deID), "automationId": .string(Self.noAutomation),
                "criteria": .string(definition.filter.map { FilterDefinitionXML.text(of: $0, sourceName: de.name) } ?? ""),
                "useHighWatermark": .bool(false),
            ]),
            "metaData": .object([
                "scheduleState": .string("No Schedule"), "criteriaDescription": .string(definition.filter?.description ?? ""),
            ]),
            "interactionCount": .number(all), "publishedInteractionCount": .number(published), "isVisibleInPicker": .bool(true),
            "isPlatformObject": .bool(false), "category": .string("Event"), "automationId": .string(Self.noAutomation),
            "disableDEDataLogging": .bool(false),
        ])
    }
}

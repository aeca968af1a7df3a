import Foundation
import LabJSON

/// The typed calls the tutorial, the screens and the command-line verbs make.
extension MarketingCloudClient {
    // MARK: Firing events

    /// `POST /contacts/v1/contactEvents`: one item of `values` into the event's data extension.
    /// - Returns: the event instance id.
    public func fireContactEvent(
        eventDefinitionKey: String, contactKey: String, dataExtensionName: String, dataExtensionKey: String?,
        values: [(name: String, value: String)]
    ) async throws -> String {
        var data: [String: JSONValue] = [
            "name": .string(dataExtensionName),
            "items": .array([
                .object(["values": .array(values.map { .object(["name": .string($0.name), "value": .string($0.value)]) })])
            ]),
        ]
        if let dataExtensionKey { data["id"] = .string(dataExtensionKey) }
        let body = JSONValue.object([
            "contactKey": .string(contactKey), "eventDefinitionKey": .string(eventDefinitionKey),
            "data": .array([.object(data)]),
        ])
        let reply = try await call("POST", "/contacts/v1/contactEvents", json: body.serialized)
        return reply["eventInstanceID"]?.text ?? ""
    }

    /// `POST /interaction/v1/events`. - Returns: the event instance id.
    public func fireEvent(eventDefinitionKey: String, contactKey: String, data: [String: String]) async throws -> String {
        let body = JSONValue.object([
            "ContactKey": .string(contactKey), "EventDefinitionKey": .string(eventDefinitionKey), "Data": .strings(data),
        ])
        return try await call("POST", "/interaction/v1/events", json: body.serialized)["eventInstanceId"]?.text ?? ""
    }

    // MARK: Rows

    /// `POST /hub/v1/dataevents/key:{key}/rowset`: upserts by primary key.
    public func upsertRows(dataExtensionKey: String, rows: [RowsetRow]) async throws {
        let body = JSONValue.array(rows.map { .object(["keys": .strings($0.keys), "values": .strings($0.values)]) })
        _ = try await call("POST", "/hub/v1/dataevents/key:\(Self.pathPart(dataExtensionKey))/rowset", json: body.serialized)
    }

    /// One page of `GET /data/v1/customobjectdata/key/{key}/rowset`.
    public func rows(
        dataExtensionKey: String, page: Int = 1, pageSize: Int = 2500, filter: String? = nil, orderBy: String? = nil
    ) async throws -> RowsetPage {
        var query = ["$page=\(page)", "$pageSize=\(pageSize)"]
        if let filter { query.append("$filter=" + Self.queryValue(filter)) }
        if let orderBy { query.append("$orderBy=" + Self.queryValue(orderBy)) }
        let path = "/data/v1/customobjectdata/key/\(Self.pathPart(dataExtensionKey))/rowset?" + query.joined(separator: "&")
        let reply = try await call("GET", path)
        let rows = (reply["items"]?.array ?? []).map { item in
            RowsetRow(
                keys: (item["keys"]?.object ?? [:]).compactMapValues(\.text),
                values: (item["values"]?.object ?? [:]).compactMapValues(\.text))
        }
        return RowsetPage(
            count: reply["count"]?.int ?? rows.count, page: reply["page"]?.int ?? page,
            pageSize: reply["pageSize"]?.int ?? pageSize, rows: rows)
    }

    /// Every row, page after page until `count` is reached or a page comes back short.
    public func allRows(dataExtensionKey: String, pageSize: Int = 2500, filter: String? = nil) async throws -> [RowsetRow] {
        var collected: [RowsetRow] = []
        var number = 1
        while true {
            let page = try await rows(dataExtensionKey: dataExtensionKey, page: number, pageSize: pageSize, filter: filter)
            collected += page.rows
            if page.rows.count < page.pageSize || collected.count >= page.count { return collected }
            number += 1
        }
    }

    // MARK: Definitions

    /// The data extension with this external key, found through `/data/v1/customobjects?$search=`.
    public func dataExtension(key: String) async throws -> DataExtensionSummary {
        let reply = try await call("GET", "/data/v1/customobjects?$search=\(Self.queryValue(key))&$pageSize=2500")
        let match = (reply["items"]?.array ?? []).map(DataExtensionSummary.init).first {
            $0.key.caseInsensitiveCompare(key) == .orderedSame
        }
        guard let match else {
            throw MarketingCloudError.api(
                status: 404, message: "Data Extension with key \(key) not found.", errorCode: 10000, details: [], body: "")
        }
        return match
    }

    public func dataExtension(id: String) async throws -> DataExtensionSummary {
        DataExtensionSummary(try await call("GET", "/data/v1/customobjects/\(Self.pathPart(id))"))
    }

    public func fields(dataExtensionID: String) async throws -> [FieldSummary] {
        (try await call("GET", "/data/v1/customobjects/\(Self.pathPart(dataExtensionID))/fields")["fields"]?.array ?? [])
            .map(FieldSummary.init)
    }

    // MARK: Journeys and event definitions

    /// Every journey (its newest version), page after page.
    public func journeys() async throws -> [JourneySummary] {
        try await collect("/interaction/v1/interactions", pageSize: 50).map(JourneySummary.init)
    }

    /// By `key:` address, or a version id.
    public func journey(_ idOrKey: String, version: Int? = nil) async throws -> JourneySummary {
        let versionPart = version.map { "?versionNumber=\($0)" } ?? ""
        return JourneySummary(try await call("GET", "/interaction/v1/interactions/\(Self.pathPart(idOrKey))\(versionPart)"))
    }

    public func eventDefinitions() async throws -> [EventDefinitionSummary] {
        try await collect("/interaction/v1/eventDefinitions", pageSize: 500).map(EventDefinitionSummary.init)
    }

    public func eventDefinition(key: String) async throws -> EventDefinitionSummary {
        EventDefinitionSummary(try await call("GET", "/interaction/v1/eventDefinitions/key:\(Self.pathPart(key))"))
    }

    // MARK: Automations

    public func automations() async throws -> [AutomationSummary] {
        try await collect("/automation/v1/automations", pageSize: 500).map(AutomationSummary.init)
    }

    /// By id, or `key:{key}` (the emulator also finds it by name there).
    public func automation(_ idOrKey: String) async throws -> AutomationSummary {
        AutomationSummary(try await call("GET", "/automation/v1/automations/\(Self.pathPart(idOrKey))"))
    }

    /// Run Once. - Returns: the run's instance id, to follow with `automationRun`.
    public func runOnce(_ idOrKey: String) async throws -> String {
        let reply = try await call("POST", "/automation/v1/automations/\(Self.pathPart(idOrKey))/actions/runallonce", json: "{}")
        guard let instance = reply["lastRunInstanceId"]?.nonEmptyText else {
            throw MarketingCloudError.unreadable(url: "runallonce", reason: "no lastRunInstanceId in the answer")
        }
        return instance
    }

    public func automationRun(_ instanceID: String) async throws -> AutomationRunStatus {
        AutomationRunStatus(try await call("GET", "/automation/v1/automations/instance/\(Self.pathPart(instanceID))"))
    }

    // MARK: Helpers

    /// The items of a Fuel collection (`$page`, `$pageSize`, `count`), all pages.
    private func collect(_ path: String, pageSize: Int) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var page = 1
        while true {
            let reply = try await call("GET", "\(path)?$page=\(page)&$pageSize=\(pageSize)")
            let batch = reply["items"]?.array ?? []
            items += batch
            let total = reply["count"]?.int ?? items.count
            if batch.isEmpty || items.count >= total { return items }
            page += 1
        }
    }

    /// A path segment: `key:` stays readable, anything else unsafe is percent-encoded.
    static func pathPart(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? text
    }

    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

extension JSONValue {
    /// Text values as JSON strings.
    fileprivate static func strings(_ fields: [String: String]) -> JSONValue { .object(fields.mapValues { .string($0) }) }
}

import Foundation
import HTTPTypes
import LabJSON
import LabModel
import Synchronization

/// Asynchronous row writes (`/data/v1/async/dataextensions/…/rows`): answered at once with a
/// request id, done in the background, followed through `status` and `results`.
struct AsyncRowRoutes: RouteFamily {
    static let refusals = RefusalDialect.rows
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.post, "/data/v1/async/dataextensions/key:{key}/rows", operation: .writeRows) { try accept($0, upsert: false) },
            Route(.put, "/data/v1/async/dataextensions/key:{key}/rows", operation: .writeRows) { try accept($0, upsert: true) },
            Route(.post, "/data/v1/async/dataextensions/{id}/rows", operation: .writeRows) { try accept($0, upsert: false) },
            Route(.put, "/data/v1/async/dataextensions/{id}/rows", operation: .writeRows) { try accept($0, upsert: true) },
            Route(.get, "/data/v1/async/{requestId}/status", operation: .readRows) { try status($0) },
            Route(.get, "/data/v1/async/{requestId}/results", operation: .readRows) { try results($0) },
        ]
    }

    /// `{"items":[{column: value, …}]}`: POST inserts (a duplicate key is an error), PUT upserts.
    /// All rows are written in one transaction or, on the first refused row, none.
    func accept(_ request: EmulatorRequest, upsert: Bool) throws -> EmulatorResponse {
        let de = try emulator.dataExtension(addressedBy: request)
        guard let items = try request.jsonObject().list("items") else { throw APIError.badRequest("items is required.") }
        let rows = try items.enumerated().map { index, item throws -> [String: String] in
            var row: [String: String] = [:]
            for (name, value) in try item.asObject(at: "items[\(index)]").object ?? [:] {
                guard let text = value.text else { throw APIError.badRequest("Column \(name) must be a single value.") }
                row[de.field(named: name)?.name ?? name] = text
            }
            return row
        }
        let id = emulator.asyncRequests.start()
        let workspace = emulator.workspace
        let requests = emulator.asyncRequests
        // Answered now, written just after: callers poll the status as they would in Marketing Cloud.
        DispatchQueue.global(qos: .utility).async {
            requests.pickUp(id)
            do {
                if upsert {
                    try workspace.upsertRecords(in: .id(de.id), rows: rows)
                } else {
                    try workspace.addRecords(to: .id(de.id), rows: rows)
                }
                requests.finish(id, error: nil)
            } catch {
                requests.finish(id, error: String(describing: error))
            }
        }
        return EmulatorResponse(
            status: .accepted, body: .object(["requestId": .string(id), "resultMessages": .array([])]))
    }

    func status(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let id = request.captures["requestId"] ?? ""
        guard let record = emulator.asyncRequests.record(id) else { return notFound(id) }
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "status": .object([
                    "callDateTime": .string(MarketingCloudDate.text(record.called)),
                    "pickupDateTime": .string(record.pickedUp.map(MarketingCloudDate.text) ?? ""),
                    "completionDateTime": .string(record.completed.map(MarketingCloudDate.text) ?? ""),
                    "hasErrors": .bool(record.error != nil), "requestStatus": .string(record.state),
                    "resultStatus": .string(record.completed == nil ? "" : (record.error == nil ? "OK" : "Error")),
                    "requestId": .string(id),
                ]),
                "requestId": .string(id),
            ]))
    }

    func results(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let id = request.captures["requestId"] ?? ""
        guard let record = emulator.asyncRequests.record(id) else { return notFound(id) }
        let items: [JSONValue] =
            record.error.map { [.object(["errorCode": .number(10006), "message": .string($0), "status": .string("Error")])] }
            ?? []
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "page": .number(1), "pageSize": .number(50), "count": .number(items.count), "items": .array(items),
                "requestId": .string(id),
            ]))
    }

    /// Marketing Cloud answers an unknown request id with 200 and this message, not a 404.
    private func notFound(_ id: String) -> EmulatorResponse {
        EmulatorResponse(
            status: .ok,
            body: .object([
                "requestId": .string(id),
                "resultMessages": .array([
                    .object([
                        "resultType": .string("Operational"), "resultClass": .string("Error"),
                        "resultCode": .string("AsyncRequestStatusNotFound"),
                        "message": .string("Unable to locate an Async Request Status Record for the provided RequestId: \(id)"),
                    ])
                ]),
            ]))
    }
}

/// The asynchronous requests this emulator accepted, in memory.
final class AsyncRequests: Sendable {
    struct Record: Sendable {
        var called: Date
        var pickedUp: Date?
        var completed: Date?
        var error: String?

        var state: String {
            completed == nil ? (pickedUp == nil ? "Pending" : "Executing") : (error == nil ? "Complete" : "Error")
        }
    }

    private let records = Mutex<[String: Record]>([:])

    func start() -> String {
        let id = UUID().storageText
        records.withLock { $0[id] = Record(called: Date()) }
        return id
    }

    func pickUp(_ id: String) { records.withLock { $0[id]?.pickedUp = Date() } }

    func finish(_ id: String, error: String?) {
        records.withLock {
            $0[id]?.completed = Date()
            $0[id]?.error = error
        }
    }

    func record(_ id: String) -> Record? { records.withLock { $0[id.lowercased()] } }

}

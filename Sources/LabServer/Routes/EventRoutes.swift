import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// Firing events: `contactEvents` (Contact Builder events) and `events` (journey API events,
/// current and legacy routes).
struct EventRoutes: RouteFamily {
    static let refusals = RefusalDialect.events
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(
                .post, "/contacts/v1/contactEvents", operation: .fireContactEvent,
                handler: .suspending { try await contactEvent($0) }),
            Route(.post, "/interaction/v1/events", operation: .fireAPIEvent, handler: .suspending { try await event($0) }),
            Route(
                .post, "/interaction-experimental/v1/events", operation: .fireAPIEvent,
                handler: .suspending { try await event($0) }),
        ]
    }

    /// The seed's two forms: `contactKey` (or `contactID`) at the top, or a `ContactKey` value
    /// among the items; `data[]` addressed by `id` (external key) and `name`.
    func contactEvent(_ request: EmulatorRequest) async throws -> EmulatorResponse {
        let body = try request.json()
        guard let key = body["eventDefinitionKey"]?.nonEmptyText else {
            throw APIError.badRequest("eventDefinitionKey is required.")
        }
        let data = try (body["data"]?.array ?? []).map { element in
            ContactEventData(
                externalKey: element["id"]?.nonEmptyText, name: element["name"]?.nonEmptyText, key: element["key"]?.nonEmptyText,
                items: try (element["items"]?.array ?? []).map { item in
                    try (item["values"]?.array ?? []).map { pair in
                        guard let name = pair["name"]?.nonEmptyText, let value = pair["value"]?.text else {
                            throw APIError.badRequest("Each item value needs a name and a single value.")
                        }
                        return NameValue(name, value)
                    }
                })
        }
        let firing = ContactEventRequest(eventKey: key, contact: try contact(in: body), data: data)
        let fired = try await emulator.workspace.fireContactEvent(firing)
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "responseContext": .object([
                    "operationStatus": .string("OK"), "schemaType": .string("Contacts"), "schemaVersionNumber": .number(192),
                    "schemaContextId": .string("d6e57283-155b-e411-aea6-38eaa71427a1"),
                ]),
                "eventInstanceID": .string(fired.instanceID.storageText),
                "asyncRequestID": .number(emulator.nextRequestNumber()),
                "requestServiceMessageID": .string(UUID().storageText),
                "serviceMessageID": .string(UUID().storageText),
            ]))
    }

    /// `ContactKey` (or `ContactID`), `EventDefinitionKey`, flat `Data` → 201 `{"eventInstanceId"}`.
    func event(_ request: EmulatorRequest) async throws -> EmulatorResponse {
        let body = try request.json()
        guard let key = body["EventDefinitionKey"]?.nonEmptyText else {
            throw APIError.badRequest("EventDefinitionKey is required.")
        }
        guard let contact = try contact(in: body) else { throw APIError.badRequest("ContactKey is required.") }
        let data = try Self.eventData(body["Data"])
        let fired = try await emulator.workspace.fireAPIEvent(key: key, contact: contact, data: data)
        return EmulatorResponse(
            status: .created, body: .object(["eventInstanceId": .string(fired.instanceID.storageText)]))
    }

    private func contact(in body: JSONValue) throws(APIError) -> ContactReference? {
        if let key = body["contactKey"]?.nonEmptyText { return .key(key) }
        if let id = body["contactID"]?.nonEmptyText ?? body["contactId"]?.nonEmptyText {
            guard let number = Int64(id) else { throw APIError.badRequest("contactID must be a number, not \(id).") }
            return .id(number)
        }
        return nil
    }

    /// A flat `Data` object as field texts; nested values are refused.
    static func eventData(_ data: JSONValue?) throws(APIError) -> [String: String] {
        var texts: [String: String] = [:]
        for (name, value) in data?.object ?? [:] {
            guard let text = value.text else { throw APIError.eventData(["Data field \(name) must be a single value."]) }
            texts[name] = text
        }
        return texts
    }
}

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
        let body = try request.jsonObject()
        guard let key = try body.nonEmptyString("eventDefinitionKey") else {
            throw APIError.badRequest("eventDefinitionKey is required.")
        }
        let data = try (body.list("data") ?? []).enumerated().map { index, element in
            let path = "data[\(index)]"
            _ = try element.asObject(at: path)
            return ContactEventData(
                externalKey: try element.nonEmptyString("id", at: path), name: try element.nonEmptyString("name", at: path),
                key: try element.nonEmptyString("key", at: path),
                items: try (element.list("items", at: path) ?? []).enumerated().map { itemIndex, item in
                    let itemPath = "\(path).items[\(itemIndex)]"
                    _ = try item.asObject(at: itemPath)
                    return try (item.list("values", at: itemPath) ?? []).enumerated().map { pairIndex, pair in
                        let pairPath = "\(itemPath).values[\(pairIndex)]"
                        _ = try pair.asObject(at: pairPath)
                        guard let name = try pair.nonEmptyString("name", at: pairPath),
                            let value = try pair.scalar("value", at: pairPath) ?? (pair["value"] == .null ? "" : nil)
                        else {
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
        let body = try request.jsonObject()
        guard let key = try body.nonEmptyString("EventDefinitionKey") else {
            throw APIError.badRequest("EventDefinitionKey is required.")
        }
        guard let contact = try contact(in: body) else { throw APIError.badRequest("ContactKey is required.") }
        let data = try Self.eventData(body.objectMember("Data"))
        let fired = try await emulator.workspace.fireAPIEvent(key: key, contact: contact, data: data)
        return EmulatorResponse(
            status: .created, body: .object(["eventInstanceId": .string(fired.instanceID.storageText)]))
    }

    /// A contact key may be sent as a number (a CRM id); a contact id is a number either way.
    private func contact(in body: JSONValue) throws -> ContactReference? {
        if let key = try body.nonEmptyScalar("contactKey") { return .key(key) }
        if let id = try body.nonEmptyScalar("contactID") {
            guard let number = Int64(id) else { throw APIError.badRequest("contactID must be a number, not \(id).") }
            return .id(number)
        }
        return nil
    }

    /// A flat `Data` object (`objectMember`, so of the right type) as field texts; nested values are refused.
    static func eventData(_ data: JSONValue?) throws(APIError) -> [String: String] {
        var texts: [String: String] = [:]
        for (name, value) in data?.object ?? [:] {
            guard let text = value.text else { throw APIError.eventData(["Data field \(name) must be a single value."]) }
            texts[name] = text
        }
        return texts
    }
}

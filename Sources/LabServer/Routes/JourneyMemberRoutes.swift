import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// Batches of API events (`async/events`) and who is inside which journey (`contactMembership`).
struct JourneyMemberRoutes: RouteFamily {
    static let refusals = RefusalDialect.events
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.post, "/interaction/v1/async/events", operation: .fireAPIEvent) { try batch($0) },
            Route(.post, "/interaction/v1/interactions/contactMembership", operation: .readJourneys) { try membership($0) },
        ]
    }

    /// Up to 100 members, each fired as its own API event; each answered in request order with
    /// its `eventInstanceId` or why it was refused. A failure of the emulator itself is no
    /// member's refusal: it fails the request.
    func batch(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        guard let key = try body.nonEmptyString("eventDefinitionKey") else {
            throw APIError.badRequest("eventDefinitionKey is required.")
        }
        guard let members = try body.list("members"), !members.isEmpty else { throw APIError.badRequest("members is required.") }
        guard members.count <= 100 else {
            throw APIError.badRequest("At most 100 members can be sent in one request; this one has \(members.count).")
        }
        var answers: [JSONValue] = []
        var notQueued = 0
        for (index, member) in members.enumerated() {
            let path = "members[\(index)]"
            let contactKey = member["contactKey"]?.nonEmptyText ?? ""
            do {
                _ = try member.asObject(at: path)
                guard try member.nonEmptyScalar("contactKey", at: path) != nil else {
                    throw APIError.badRequest("contactKey is required.")
                }
                let data = try EventRoutes.eventData(member.objectMember("data", at: path))
                let fired = try emulator.workspace.fireAPIEvent(key: key, contact: .key(contactKey), data: data)
                answers.append(
                    .object([
                        "contactKey": .string(contactKey), "eventInstanceId": .string(fired.instanceID.storageText),
                    ]))
            } catch let refusal as any ModelRefusal {
                notQueued += 1
                answers.append(Self.member(contactKey, refusedWith: APIError(refusal, in: Self.refusals)))
            } catch let refusal as APIError {
                notQueued += 1
                answers.append(Self.member(contactKey, refusedWith: refusal))
            }
        }
        return EmulatorResponse(
            status: .accepted,
            body: .object([
                "requestId": .string(UUID().storageText), "count": .number(members.count),
                "notQueuedCount": .number(notQueued), "members": .array(answers),
            ]))
    }

    /// A member not queued: its refusal's errorcode (as a string) and its first problem.
    private static func member(_ contactKey: String, refusedWith refusal: APIError) -> JSONValue {
        let message = refusal.body["validationErrors"]?.array?.first?["message"] ?? refusal.body["message"] ?? .string("")
        return .object([
            "contactKey": .string(contactKey), "errorcode": .string(refusal.body["errorcode"]?.text ?? ""), "message": message,
        ])
    }

    /// `{"ContactKeyList":[…]}` → the journey versions each contact is inside, and the contacts in none.
    func membership(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let keys = try (request.jsonObject().strings("ContactKeyList") ?? []).filter { !$0.isEmpty }
        let memberships = try emulator.workspace.memberships(ofContacts: keys)
        let inside = Set(memberships.map { $0.contactKey.lowercased() })
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "results": .object([
                    "contactMemberships": .array(
                        memberships.map {
                            .object([
                                "contactKey": .string($0.contactKey), "definitionKey": .string($0.journeyKey),
                                "version": .number($0.version),
                            ])
                        }),
                    "contactsNotFound": .array(keys.filter { !inside.contains($0.lowercased()) }.map(JSONValue.string)),
                ])
            ]))
    }
}

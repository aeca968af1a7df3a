import Foundation
import HTTPTypes
import LabModel

/// The platform's own routes. `tokenContext`: who a token stands for — Marketing Cloud answers
/// with the enterprise, business unit, user and app behind it and asks for no permission; its
/// exact shape was never captured, so this one gives the same parts from what the emulator
/// knows. `endpoints/{type}`: where SOAP and REST calls go (FuelSDK asks before its first SOAP
/// call, and without an answer falls back to the real Marketing Cloud host).
struct PlatformRoutes: RouteFamily {
    static let refusals = RefusalDialect.standard
    unowned let emulator: Emulator

    /// The emulator's one account: the business unit every app is installed in.
    static let memberID = 100_001_234

    var routes: [Route] {
        [
            Route(.get, "/platform/v1/tokenContext", operation: .readTokenContext, handler: .suspending { try tokenContext($0) }),
            Route(.get, "/platform/v1/endpoints/{type}", operation: .readTokenContext, handler: .suspending { try endpoint($0) }),
        ]
    }

    func endpoint(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let type = (request.captures["type"] ?? "").lowercased()
        let base = emulator.baseURL(for: request) + "/"
        let url: String
        switch type {
        case "soap": url = base + "service.asmx"
        case "rest": url = base
        default:
            throw APIError.envelope(.notFound, "No endpoint exists for key '\(request.captures["type"] ?? "")'.", code: 30003)
        }
        return EmulatorResponse(status: .ok, body: .object(["type": .string(type), "url": .string(url)]))
    }

    func tokenContext(_ request: EmulatorRequest) throws -> EmulatorResponse {
        guard let grant = request.grant else { throw APIError.notAuthorized("The access token is missing") }
        let base = emulator.baseURL(for: request) + "/"
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "enterprise": .object(["id": .number(Self.memberID)]),
                "organization": .object([
                    "id": .number(Self.memberID), "enterprise_id": .number(Self.memberID),
                    "account_type": .string(grant.app.account), "locale": .string("en-US"),
                ]),
                "application": .object([
                    "id": .string(grant.app.id.storageText), "name": .string(grant.app.name),
                    "package": .string(grant.app.package),
                ]),
                "scope": .string(grant.scopes.sorted().map(\.rawValue).joined(separator: " ")),
                "rest": .object(["rest_instance_url": .string(base), "soap_instance_url": .string(base)]),
            ]))
    }
}

import Foundation
import HTTPTypes
import LabJSON

/// `GET /openapi.json`: the emulator's own description of every route (kept beside the code in
/// Sources/LabServer/openapi.json), its `servers` pointing at this server, so tools such as
/// Postman or an OpenAPI client generator can be aimed at it directly.
struct MetaRoutes: RouteFamily {
    static let refusals = RefusalDialect.standard
    unowned let emulator: Emulator

    var routes: [Route] {
        [Route(.get, "/openapi.json", operation: nil) { try openAPI($0) }]
    }

    /// The document as shipped, read once; why it could not be read, if it could not.
    static let document = Result { () throws -> JSONValue in
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else { throw missing }
        return try JSONValue(parsing: Data(contentsOf: url))
    }

    private static let missing = APIError.envelope(
        .internalServerError, "The OpenAPI document is missing from this build.", code: 500)

    func openAPI(_ request: EmulatorRequest) throws -> EmulatorResponse {
        guard case .object(var fields) = try Self.document.get() else { throw Self.missing }
        fields["servers"] = .array([.object(["url": .string(emulator.baseURL(for: request))])])
        return EmulatorResponse(status: .ok, body: .object(fields))
    }
}

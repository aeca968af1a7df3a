import Foundation
import HTTPTypes
import LabJSON

/// A refused request, as Marketing Cloud answers it: a status and a JSON body (its error
/// envelope `{"message","errorcode","documentation"}` unless an endpoint has its own shape).
struct APIError: Error {
    let status: HTTPResponse.Status
    let body: JSONValue
    var headers: HTTPFields = [:]

    static let documentation = "https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/error-handling.htm"

    static func envelope(
        _ status: HTTPResponse.Status, _ message: String, code: Int, documentation: String = "", extra: [String: JSONValue] = [:]
    ) -> APIError {
        var fields: [String: JSONValue] = [
            "message": .string(message), "errorcode": .number(code), "documentation": .string(documentation),
        ]
        fields.merge(extra) { _, new in new }
        return APIError(status: status, body: .object(fields))
    }

    static let notFound = envelope(.notFound, "Not Found", code: 404, documentation: documentation)
    static let malformed = envelope(.badRequest, "Please validate that your request is properly formed.", code: 400)
    static let tooLarge = envelope(.contentTooLarge, "The request body is larger than the 5 MB limit.", code: 413)
    static let forbidden = envelope(.forbidden, "Insufficient privileges to complete this action.", code: 20002)

    /// A path answered with other methods than the one asked.
    static func methodNotAllowed(allowed: [String]) -> APIError {
        let methods = Array(Set(allowed)).sorted()
        var error = envelope(
            .methodNotAllowed, "The method is not allowed here: use \(methods.joined(separator: ", ")).", code: 405,
            documentation: documentation)
        error.headers[.allow] = methods.joined(separator: ", ")
        return error
    }

    /// What every token problem answers, with the header clients look for before they fetch a new token.
    static func notAuthorized(_ reason: String) -> APIError {
        var error = envelope(.unauthorized, "Not Authorized", code: 0, documentation: documentation)
        error.headers[.wwwAuthenticate] =
            #"Bearer realm="example.com", error="invalid_token", error_description="\#(reason)""#
        return error
    }

    static func badRequest(_ message: String, code: Int = 10000) -> APIError { envelope(.badRequest, message, code: code) }

    /// `Event Data contains errors:` with each problem as a validation error (errorcode 10006 / 10000).
    static func eventData(_ problems: [String]) -> APIError {
        envelope(
            .badRequest, "Event Data contains errors:", code: 10006,
            extra: [
                "validationErrors": .array(
                    problems.map { .object(["message": .string($0), "errorcode": .number(10000), "documentation": .string("")]) })
            ])
    }
}

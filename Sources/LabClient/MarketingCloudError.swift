import Foundation
import LabJSON

/// A call that did not succeed, carrying what Marketing Cloud said.
public enum MarketingCloudError: Error, Sendable, Hashable {
    /// A REST error: the envelope's `message`, `errorcode` and any `validationErrors`/`additionalErrors`.
    case api(status: Int, message: String, errorCode: Int?, details: [String], body: String)
    /// The token call was refused (`{"error","error_description"}`).
    case auth(status: Int, error: String, description: String)
    /// No answer: the server could not be reached or did not answer in time.
    case unreachable(url: String, reason: String)
    /// An answer this client cannot read.
    case unreadable(url: String, reason: String)

    /// Reads an error answer: Marketing Cloud's envelope, an OAuth error, or whatever text came.
    static func from(status: Int, body: String) -> MarketingCloudError {
        let object = try? JSONValue(parsing: Data(body.utf8))
        if let error = object?["error"]?.nonEmptyText {
            return .auth(status: status, error: error, description: object?["error_description"]?.text ?? "")
        }
        let message = object?["message"]?.nonEmptyText ?? (body.isEmpty ? "HTTP \(status)" : body)
        let errorCode = object?["errorcode"]?.int
        let nested = ["validationErrors", "additionalErrors", "errors"].flatMap { object?[$0]?.array ?? [] }
        let details = nested.compactMap { item in
            item["message"]?.nonEmptyText ?? item["errorDetail"]?.nonEmptyText
        }
        return .api(status: status, message: message, errorCode: errorCode, details: details, body: body)
    }
}

extension MarketingCloudError: CustomStringConvertible {
    /// As Marketing Cloud put it: the message, its code, then each detail on its own line.
    public var description: String {
        switch self {
        case .api(let status, let message, let errorCode, let details, _):
            let code = errorCode.map { " (errorcode \($0), HTTP \(status))" } ?? " (HTTP \(status))"
            return ([message + code] + details.map { "  - \($0)" }).joined(separator: "\n")
        case .auth(let status, let error, let description):
            return "\(error): \(description) (HTTP \(status))"
        case .unreachable(let url, let reason):
            return "No answer from \(url): \(reason)"
        case .unreadable(let url, let reason):
            return "Could not read the answer from \(url): \(reason)"
        }
    }
}

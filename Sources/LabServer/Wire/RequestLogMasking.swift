import Foundation
import LabJSON
import LabModel

/// Bodies as the request log keeps them: read as what they are — JSON, else a form — and each
/// member or field whose decoded name is a credential's (`SecretMasking.isSecretName`) masked,
/// so `client\u005fsecret`, `"client_secret" :` and `client%5Fsecret` are masked like
/// `client_secret`. Bodies naming no credential are kept as sent.
enum RequestLogMasking {
    /// Large bodies are logged in part: the log is for reading, not for replaying imports.
    static let loggedBytes = 64 * 1024

    /// The request body as logged.
    static func requestText(_ body: Data) -> String {
        let sent = String(decoding: body.prefix(loggedBytes), as: UTF8.self)
        guard mayNameCredential(body) else { return sent }
        let parsed: JSONValue
        do {
            parsed = try JSONValue(parsing: body)
        } catch {
            // Not JSON. Text that meant to be JSON cannot be read for names: it is not kept.
            guard
                body.first(where: { !Self.isWhitespace($0) }).map({ $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) != true
            else { return "(\(body.count) bytes that are not JSON and may name a credential: not logged)" }
            return String(SecretMasking.maskForm(String(decoding: body, as: UTF8.self)).prefix(loggedBytes))
        }
        let masked = masking(parsed)
        return masked == parsed ? sent : String(masked.serialized.prefix(loggedBytes))
    }

    /// The reply as logged; `text` is `body` serialized.
    static func responseText(_ body: JSONValue?, serialized text: String) -> String {
        // The emulator writes member names as they are: one that names no credential word names no credential.
        guard let body, SecretMasking.mentionsCredential(text) else { return text }
        let masked = masking(body)
        return masked == body ? text : masked.serialized
    }

    /// `value` with every credential member's value masked, at any depth.
    static func masking(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null, .bool, .number, .string: return value
        case .array(let items): return .array(items.map(masking))
        case .object(let members):
            var masked: [String: JSONValue] = [:]
            for (name, member) in members {
                masked[name] =
                    SecretMasking.isSecretName(name) && member != .null ? .string(SecretMasking.maskedValue) : masking(member)
            }
            return .object(masked)
        }
    }

    /// Whether a body could name a credential once decoded: it spells a credential word
    /// outright, or holds what decoding changes — a JSON escape (`\u005f`), percent-encoding
    /// (`%5F`) or zero bytes (UTF-16 or UTF-32 JSON). Nearly every request does none of these
    /// and is logged without being read twice.
    static func mayNameCredential(_ body: Data) -> Bool {
        body.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "%") || $0 == 0 }
            || SecretMasking.mentionsCredential(String(decoding: body, as: UTF8.self))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

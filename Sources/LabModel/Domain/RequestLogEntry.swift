import Foundation

/// One HTTP request the emulator answered, as screens and lesson checks see it.
public struct RequestLogEntry: Sendable, Hashable {
    public var id: Int64?
    public var time: Date
    public var method: String
    public var path: String
    public var status: Int
    public var durationMilliseconds: Double
    /// With secrets masked.
    public var requestBody: String
    public var responseBody: String
    public var appID: UUID?

    public init(
        time: Date, method: String, path: String, status: Int, durationMilliseconds: Double, requestBody: String,
        responseBody: String, appID: UUID?
    ) {
        self.time = time
        self.method = method
        self.path = path
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.requestBody = SecretMasking.mask(requestBody)
        self.responseBody = SecretMasking.mask(responseBody)
        self.appID = appID
    }
}

/// Hides credential values in JSON or form bodies before they are stored or shown.
public enum SecretMasking {
    static let secretNames = [
        "clientSecret", "client_secret", "accessToken", "access_token", "refreshToken", "refresh_token", "legacyToken",
    ]

    public static func mask(_ body: String) -> String {
        // Nearly every body names no credential: one byte scan answers for those (the masking
        // below searches once per name and spelling, and ran on every request).
        guard mentionsCredential(body) else { return body }
        var masked = body
        for name in secretNames {
            masked = maskJSON(name, in: masked)
            masked = maskForm(name, in: masked)
        }
        return masked
    }

    /// Whether `secret` or `token` appears in any case: every name masked here contains one.
    static func mentionsCredential(_ body: String) -> Bool {
        let words: [[UInt8]] = [Array("secret".utf8), Array("token".utf8)]
        let bytes = Array(body.utf8)
        guard bytes.count >= 5 else { return false }
        for start in 0...(bytes.count - 5) {
            for word in words where start + word.count <= bytes.count {
                var matches = true
                for (offset, letter) in word.enumerated() where bytes[start + offset] | 0x20 != letter {
                    matches = false
                    break
                }
                if matches { return true }
            }
        }
        return false
    }

    /// `"name" : "value"` → `"name" : "••••"`
    private static func maskJSON(_ name: String, in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        // Callers may spell names in any case (`ClientSecret`): the emulator reads them so.
        while let nameRange = rest.range(of: "\"\(name)\"", options: .caseInsensitive) {
            result += rest[..<nameRange.upperBound]
            rest = rest[nameRange.upperBound...]
            let afterColon = rest.drop { $0 == " " }.dropFirst()
            guard rest.drop(while: { $0 == " " }).first == ":", let open = afterColon.firstIndex(of: "\""),
                afterColon[..<open].allSatisfy(\.isWhitespace),
                let close = afterColon[afterColon.index(after: open)...].firstIndex(of: "\"")
            else { continue }
            result += rest[..<afterColon.index(after: open)] + "••••"
            rest = afterColon[close...]
        }
        return result + rest
    }

    /// `name=value&` → `name=••••&`
    private static func maskForm(_ name: String, in text: String) -> String {
        guard !text.contains("{") else { return text }
        return text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.lowercased().hasPrefix("\(name.lowercased())=")
                ? "\(pair.prefix(name.count))=••••" : String(pair)
        }.joined(separator: "&")
    }
}

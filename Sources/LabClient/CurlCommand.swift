import Foundation

/// A request as a curl command a person can paste into a shell.
enum CurlCommand {
    static let mask = "••••••••"

    static func render(_ request: MarketingCloudClient.Request, revealSecrets: Bool) -> String {
        var parts = ["curl -sS -X \(request.method.uppercased()) \(shellQuoted(request.url))"]
        for header in request.headers {
            var value = header.value
            if !revealSecrets, header.name.caseInsensitiveCompare("Authorization") == .orderedSame {
                value = "Bearer \(mask)"
            }
            parts.append("-H \(shellQuoted("\(header.name): \(value)"))")
        }
        if var body = request.body {
            if !revealSecrets { body = maskingSecrets(in: body) }
            parts.append("--data-raw \(shellQuoted(body))")
        }
        return parts.joined(separator: " \\\n  ")
    }

    /// `"client_secret":"…"`, `"clientSecret":"…"`, `"refreshToken":"…"` — and the same names
    /// in a form body (`client_secret=…`) — become the mask.
    static func maskingSecrets(in body: String) -> String {
        var masked = body
        for name in ["client_secret", "clientSecret", "refresh_token", "refreshToken"] {
            let json = "(\"\(name)\"\\s*:\\s*\")([^\"\\\\]|\\\\.)*(\")"
            masked = masked.replacingOccurrences(of: json, with: "$1\(mask)$3", options: [.regularExpression, .caseInsensitive])
            let form = "((^|&)\(name)=)[^&]*"
            masked = masked.replacingOccurrences(of: form, with: "$1\(mask)", options: [.regularExpression, .caseInsensitive])
        }
        return masked
    }

    /// Single quotes, with each `'` closed, escaped and reopened: safe in POSIX shells.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

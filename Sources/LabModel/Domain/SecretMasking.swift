import Foundation

/// Hides credential values before a request is stored or shown. Every decision is made on a
/// decoded name — a form or query name after percent-decoding, a JSON member name after its
/// escapes (the emulator's `RequestLogMasking`) — so no spelling the server reads as a
/// credential (`client%5Fsecret`, `client\u005fsecret`) passes in clear.
public enum SecretMasking {
    public static let maskedValue = "••••"

    /// Whether a decoded name names a credential: a client secret, an access, refresh or legacy
    /// token, a password or an API key, in any case, with or without separators (`client_secret`,
    /// `ClientSecret`, `client-secret`).
    public static func isSecretName(_ name: String) -> Bool {
        let folded = String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        return folded.hasSuffix("secret") || folded.hasSuffix("password") || folded.hasSuffix("apikey")
            || ["accesstoken", "refreshtoken", "legacytoken", "idtoken", "bearertoken", "authorization"].contains(folded)
    }

    /// Whether `secret`, `token`, `password`, `apikey` or `authorization` appears in any case:
    /// every credential name contains one, so text without any (nearly every request) names none
    /// literally. A cheap first look, never the decision.
    public static func mentionsCredential(_ text: String) -> Bool {
        let words: [[UInt8]] = ["secret", "token", "password", "apikey", "authorization"].map { Array($0.utf8) }
        let bytes = Array(text.utf8)
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

    /// `grant_type=x&client%5Fsecret=s` → `grant_type=x&client%5Fsecret=••••`: a form body or a
    /// query string, each value whose decoded name is a credential masked, the rest as sent.
    public static func maskForm(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var changed = false
        let pairs = text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> Substring in
            guard let equals = pair.firstIndex(of: "="), isSecretName(FormFields.decoded(pair[..<equals])),
                pair[pair.index(after: equals)...] != Substring(maskedValue)
            else { return pair }
            changed = true
            return pair[...equals] + maskedValue
        }
        return changed ? pairs.joined(separator: "&") : text
    }

    /// A header's value as logged: `Authorization: Bearer ••••` (the scheme kept), cookies and
    /// headers whose name is a credential's (`X-Client-Secret`, `X-Api-Key`) masked whole.
    public static func maskHeader(named name: String, _ value: String) -> String {
        let lowered = name.lowercased()
        if lowered == "authorization" || lowered == "proxy-authorization" {
            guard let space = value.firstIndex(of: " ") else { return value == maskedValue ? value : maskedValue }
            return "\(value[..<space]) \(maskedValue)"
        }
        if lowered == "cookie" || lowered == "set-cookie" || isSecretName(name) || lowered.hasSuffix("token") {
            return maskedValue
        }
        return value
    }
}

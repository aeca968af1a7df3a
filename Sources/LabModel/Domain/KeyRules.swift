import Foundation

/// External keys: the one a person typed (trimmed), or a generated one when they left it blank.
enum KeyRules {
    static func key(_ given: String?, otherwise generate: () -> String) -> String {
        let trimmed = given?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.isEmpty ? generate() : trimmed
    }
}

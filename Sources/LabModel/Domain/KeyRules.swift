import Foundation

/// External keys: the one a person typed (trimmed), or a generated one when they left it blank.
/// A key holding a NUL is refused: stored, it would end there, and two keys could become one.
enum KeyRules {
    static func key(_ given: String?, otherwise generate: () -> String) throws(DefinitionError) -> String {
        if let given { try check(given) }
        let trimmed = given?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.isEmpty ? generate() : trimmed
    }

    /// Refuses a key holding a NUL, as `key(_:otherwise:)` does.
    static func check(_ key: String) throws(DefinitionError) {
        guard !key.utf8.contains(0) else { throw .holdsNUL(what: "key") }
    }
}

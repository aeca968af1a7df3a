/// The address syntax Marketing Cloud accepts for EmailAddress fields: one `@`, a local part
/// without spaces, and a dotted domain of letters, digits and hyphens.
enum EmailSyntax {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let (local, domain) = (parts[0], parts[1])
        guard (1...64).contains(local.count), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            local.allSatisfy({ !$0.isWhitespace && $0 != "," && $0 != "<" && $0 != ">" && $0 != "(" && $0 != ")" && $0 != ";" })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.last.map({ $0.count >= 2 && $0.allSatisfy(\.isLetter) }) == true else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0 == "-" || ($0.isLetter || $0.isNumber) }
        }
    }
}

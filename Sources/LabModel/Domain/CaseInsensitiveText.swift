import Foundation

extension StringProtocol {
    /// Whether the two texts are equal ignoring case, as `caseInsensitiveCompare` decides;
    /// ASCII texts (names, keys, addresses) are compared byte by byte without Foundation.
    public func equalsIgnoringCase(_ other: some StringProtocol) -> Bool {
        var mine = utf8.makeIterator()
        var theirs = other.utf8.makeIterator()
        while true {
            switch (mine.next(), theirs.next()) {
            case (nil, nil): return true
            case (let a?, let b?) where a < 0x80 && b < 0x80:
                guard Self.folded(a) == Self.folded(b) else { return false }
            case (let a?, let b?) where a >= 0x80 || b >= 0x80:
                return caseInsensitiveCompare(other) == .orderedSame
            default: return false
            }
        }
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (`.whitespaces`); text that has
    /// none — nearly every key and name — is returned as it is, without Foundation's scan.
    public var trimmingSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

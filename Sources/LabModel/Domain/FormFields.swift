import Foundation

/// `a=1&b=2`, as HTML forms and query strings carry names and values.
public enum FormFields {
    /// Each pair's name and value, decoded; a pair without `=` has an empty value.
    public static func decode(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (decoded(pair), "") }
            return (decoded(pair[..<equals]), decoded(pair[pair.index(after: equals)...]))
        }
    }

    /// `+` as a space, then percent-decoding; text that is not valid percent-encoding (`100%`)
    /// is taken as sent.
    public static func decoded(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

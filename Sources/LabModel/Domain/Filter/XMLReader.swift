/// Just enough XML for Journey Builder's FilterDefinition documents: elements, quoted
/// attributes, text, CDATA, comments, the prolog and the five entities plus numeric ones.
struct XMLElement: Sendable, Hashable {
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLElement] = []
    var text = ""

    /// An attribute by name, in any case.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

struct XMLSyntaxError: Error, CustomStringConvertible {
    let reason: String
    let offset: Int

    var description: String { "\(reason) at character \(offset + 1)" }
}

struct XMLReader {
    private let characters: [Character]
    private var index = 0
    private var depth = 0
    /// Filters nest a few levels; a limit keeps a hostile document from exhausting the stack.
    static let maximumDepth = FilterLimits.depth

    static func document(_ text: String) throws(XMLSyntaxError) -> XMLElement {
        var reader = XMLReader(characters: Array(text))
        reader.skipMisc()
        let root = try reader.element()
        reader.skipMisc()
        guard reader.index == reader.characters.count else { throw reader.error("unexpected content after </\(root.name)>") }
        return root
    }

    private init(characters: [Character]) { self.characters = characters }

    private func error(_ reason: String) -> XMLSyntaxError { XMLSyntaxError(reason: reason, offset: index) }

    private func starts(with prefix: String) -> Bool {
        var position = index
        for character in prefix {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }

    private mutating func expect(_ literal: String) throws(XMLSyntaxError) {
        guard starts(with: literal) else { throw error("expected \"\(literal)\"") }
        index += literal.count
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// Whitespace, comments and `<?…?>` between elements.
    private mutating func skipMisc() {
        while true {
            skipWhitespace()
            if starts(with: "<?"), let end = find("?>") {
                index = end + 2
            } else if starts(with: "<!--"), let end = find("-->") {
                index = end + 3
            } else {
                return
            }
        }
    }

    private func find(_ literal: String) -> Int? {
        var reader = self
        while reader.index < characters.count {
            if reader.starts(with: literal) { return reader.index }
            reader.index += 1
        }
        return nil
    }

    private mutating func name() throws(XMLSyntaxError) -> String {
        let start = index
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || "_-.:".contains(characters[index])
        {
            index += 1
        }
        guard index > start else { throw error("expected a name") }
        return String(characters[start..<index])
    }

    private mutating func element() throws(XMLSyntaxError) -> XMLElement {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("elements nested more than \(Self.maximumDepth) levels deep") }
        try expect("<")
        var element = XMLElement(name: try name())
        while true {
            skipWhitespace()
            if starts(with: "/>") {
                index += 2
                return element
            }
            if starts(with: ">") {
                index += 1
                break
            }
            let attribute = try name()
            skipWhitespace()
            try expect("=")
            skipWhitespace()
            guard index < characters.count, characters[index] == "\"" || characters[index] == "'" else {
                throw error("expected a quoted value for \(attribute)")
            }
            let quote = characters[index]
            index += 1
            let start = index
            while index < characters.count, characters[index] != quote { index += 1 }
            guard index < characters.count else { throw error("unterminated value of \(attribute)") }
            element.attributes[attribute] = try Self.decodeEntities(String(characters[start..<index]), at: start)
            index += 1
        }
        while true {
            if starts(with: "</") {
                index += 2
                let closing = try name()
                guard closing == element.name else { throw error("</\(closing)> closes <\(element.name)>") }
                skipWhitespace()
                try expect(">")
                return element
            } else if starts(with: "<![CDATA[") {
                index += 9
                guard let end = find("]]>") else { throw error("unterminated CDATA section") }
                element.text += String(characters[index..<end])
                index = end + 3
            } else if starts(with: "<!--") {
                guard let end = find("-->") else { throw error("unterminated comment") }
                index = end + 3
            } else if starts(with: "<") {
                element.children.append(try self.element())
            } else if index < characters.count {
                let start = index
                while index < characters.count, characters[index] != "<" { index += 1 }
                element.text += try Self.decodeEntities(String(characters[start..<index]), at: start)
            } else {
                throw error("<\(element.name)> is not closed")
            }
        }
    }

    private static func decodeEntities(_ text: String, at offset: Int) throws(XMLSyntaxError) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                throw XMLSyntaxError(reason: "unterminated entity", offset: offset)
            }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let scalar: UInt32? =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                guard let scalar, let unicode = Unicode.Scalar(scalar) else {
                    throw XMLSyntaxError(reason: "unknown entity &\(entity);", offset: offset)
                }
                result.unicodeScalars.append(unicode)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}

import Foundation

/// A trigger's filter as Journey Builder stores and sends it: FilterDefinition XML with
/// ConditionSets, each condition keyed `AttributeSet.Attribute` (§5.8 of the reference).
public enum FilterDefinitionXML {
    /// Reads criteria into a filter; empty criteria or an empty definition mean no filter.
    /// Keys in the source's attribute set (`Members.Updated`) and event data keys
    /// (`Event.<key>.Updated`) become the source's field names; other sets stay `Set.Attribute`.
    public static func parse(_ xml: String, sourceName: String) throws(FilterSyntaxError) -> Filter? {
        guard !xml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        try FilterLimits.checkLength(xml, .filterDefinitionXML)
        let root: XMLElement
        do {
            root = try XMLReader.document(xml)
        } catch {
            throw invalid(xml, error.description)
        }
        guard root.name == "FilterDefinition" else {
            throw invalid(xml, "the root element is <\(root.name)>, not <FilterDefinition>")
        }
        guard Self.conditionCount(root) <= FilterLimits.conditions else { throw invalid(xml, FilterLimits.tooMany) }
        return simplified(joinsWithAnd: true, try filters(root.children, xml: xml, sourceName: sourceName))
    }

    /// `sourceName` names the attribute set of fields given without one (`Updated` → `Members.Updated`).
    public static func text(of filter: Filter, sourceName: String) -> String {
        let body: String =
            switch filter {
            case .all(let parts): conditionSet(joinsWithAnd: true, parts, sourceName: sourceName)
            case .any(let parts): conditionSet(joinsWithAnd: false, parts, sourceName: sourceName)
            case .compare, .isNull, .isNotNull: conditionSet(joinsWithAnd: true, [filter], sourceName: sourceName)
            }
        return "<FilterDefinition>\(body)</FilterDefinition>"
    }

    private static func conditionCount(_ element: XMLElement) -> Int {
        (element.name == "Condition" ? 1 : 0) + element.children.reduce(0) { $0 + conditionCount($1) }
    }

    private static func invalid(_ xml: String, _ reason: String) -> FilterSyntaxError {
        FilterSyntaxError(.filterDefinitionXML, text: xml, reason: reason)
    }

    private static func filters(_ elements: [XMLElement], xml: String, sourceName: String) throws(FilterSyntaxError)
        -> [Filter]
    {
        var parts: [Filter] = []
        for element in elements {
            switch element.name {
            case "ConditionSet":
                let joinName = element.attribute("Operator") ?? "AND"
                guard ["AND", "OR"].contains(joinName.uppercased()) else {
                    throw invalid(xml, "ConditionSet Operator \"\(joinName)\" is neither AND nor OR")
                }
                let inner = try filters(element.children, xml: xml, sourceName: sourceName)
                if let set = simplified(joinsWithAnd: joinName.uppercased() == "AND", inner) { parts.append(set) }
            case "Condition":
                parts.append(try condition(element, xml: xml, sourceName: sourceName))
            default:
                throw invalid(xml, "<\(element.name)> where <ConditionSet> or <Condition> belongs")
            }
        }
        return parts
    }

    private static func simplified(joinsWithAnd: Bool, _ parts: [Filter]) -> Filter? {
        switch parts.count {
        case 0: nil
        case 1: parts[0]
        default: joinsWithAnd ? .all(parts) : .any(parts)
        }
    }

    private static func condition(_ element: XMLElement, xml: String, sourceName: String) throws(FilterSyntaxError)
        -> Filter
    {
        guard let key = element.attribute("Key"), !key.isEmpty else {
            throw invalid(xml, "a <Condition> has no Key (the attribute it tests)")
        }
        let field = attribute(of: key, sourceName: sourceName)
        let operatorName = element.attribute("Operator") ?? ""
        var value = element.children.first { $0.name == "Value" }?.text ?? ""
        switch operatorName.lowercased() {
        case "isnull": return .isNull(field: field)
        case "isnotnull": return .isNotNull(field: field)
        case "begins": return .compare(field: field, .like, value: RESTFilterSyntax.escapingPattern(value) + "%")
        case "ends": return .compare(field: field, .like, value: "%" + RESTFilterSyntax.escapingPattern(value))
        default:
            guard let comparison = comparisons[operatorName.lowercased()] else {
                let known = (["Is", "IsNot"] + names.values.sorted() + ["IsNull", "IsNotNull", "Begins", "Ends"])
                throw invalid(
                    xml, "the operator \"\(operatorName)\" on \(key) is not emulated (use \(known.joined(separator: ", ")))")
            }
            // Booleans read as a person writes them: `false` is False.
            if let boolean = FilterBoolean(value) { value = boolean.text }
            return .compare(field: field, comparison, value: value)
        }
    }

    /// `Members.Updated` and `Event.<key>."Updated"` → `Updated` when Members is the source.
    private static func attribute(of key: String, sourceName: String) -> String {
        // The source's own set first, whole: its name may hold a dot ("Members.2024").
        let prefix = sourceName + "."
        if key.count > prefix.count, key.prefix(prefix.count).caseInsensitiveCompare(prefix) == .orderedSame {
            return String(key.dropFirst(prefix.count))
        }
        var parts = key.split(separator: ".", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        if parts.count >= 3, parts[0].caseInsensitiveCompare("Event") == .orderedSame {
            return parts.dropFirst(2).joined(separator: ".")
        }
        if parts.count >= 2, parts[0].caseInsensitiveCompare(sourceName) == .orderedSame { parts.removeFirst() }
        return parts.joined(separator: ".")
    }

    private static func conditionSet(joinsWithAnd: Bool, _ parts: [Filter], sourceName: String) -> String {
        let inner = parts.map { part -> String in
            switch part {
            case .all(let innerParts): conditionSet(joinsWithAnd: true, innerParts, sourceName: sourceName)
            case .any(let innerParts): conditionSet(joinsWithAnd: false, innerParts, sourceName: sourceName)
            case .compare(let field, let comparison, let value):
                condition(field, operatorName(comparison, value: value), value: value, sourceName: sourceName)
            case .isNull(let field): condition(field, "IsNull", value: "", sourceName: sourceName)
            case .isNotNull(let field): condition(field, "IsNotNull", value: "", sourceName: sourceName)
            }
        }.joined()
        let join = joinsWithAnd ? "AND" : "OR"
        return #"<ConditionSet Operator="\#(join)" ConditionSetName="Individual Filter Grouping">\#(inner)</ConditionSet>"#
    }

    /// Journey Builder writes a boolean test as `Is` with `true` or `false`.
    private static func operatorName(_ comparison: FilterComparison, value: String) -> String {
        switch comparison {
        case .equals where FilterBoolean(value) != nil: "Is"
        case .notEquals where FilterBoolean(value) != nil: "IsNot"
        default: names[comparison] ?? comparison.rawValue
        }
    }

    private static func condition(_ field: String, _ operatorName: String, value: String, sourceName: String) -> String {
        let key = field.contains(".") ? field : "\(sourceName).\(field)"
        var value = value
        if operatorName == "Is" || operatorName == "IsNot" { value = value.lowercased() }
        // A value holding "]]>" continues in a second CDATA section.
        value = value.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
        return
            #"<Condition Key="\#(escape(key))" Operator="\#(operatorName)" UiMetaData="{}"><Value><![CDATA[\#(value)]]></Value></Condition>"#
    }

    private static let names: [FilterComparison: String] = [
        .equals: "Equal", .notEquals: "NotEqual", .greater: "GreaterThan", .greaterOrEqual: "GreaterThanOrEqual",
        .less: "LessThan", .lessOrEqual: "LessThanOrEqual", .contains: "Contains", .like: "Like",
    ]

    private static let comparisons: [String: FilterComparison] = {
        var byName = Dictionary(uniqueKeysWithValues: names.map { ($0.value.lowercased(), $0.key) })
        byName["is"] = .equals
        byName["isnot"] = .notEquals
        return byName
    }()

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

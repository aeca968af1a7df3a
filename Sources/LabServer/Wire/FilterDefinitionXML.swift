import Foundation
import LabModel

/// A trigger's filter as Journey Builder stores it: FilterDefinition XML with ConditionSets,
/// each condition keyed `AttributeSet.Attribute` (§5.8 of the reference).
enum FilterDefinitionXML {
    /// Why posted criteria cannot be read.
    struct Invalid: Error, CustomStringConvertible {
        let reason: String
        var description: String { "The entry filter is not valid FilterDefinition XML: \(reason)." }
    }

    /// Reads criteria back into a filter; empty criteria or an empty definition mean no filter.
    /// Keys in the source's attribute set (`Members.Updated`) and event data keys
    /// (`Event.<key>.Updated`) become the source's field names; other sets stay `Set.Attribute`.
    static func filter(from xml: String, sourceName: String) throws(Invalid) -> FilterExpression? {
        guard !xml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        let root: XMLElement
        do {
            root = try XMLReader.document(xml)
        } catch {
            throw Invalid(reason: error.description)
        }
        guard root.name == "FilterDefinition" else {
            throw Invalid(reason: "the root element is <\(root.name)>, not <FilterDefinition>")
        }
        return simplified(.and, try expressions(root.children, sourceName: sourceName))
    }

    private static func expressions(_ elements: [XMLElement], sourceName: String) throws(Invalid) -> [FilterExpression] {
        var parts: [FilterExpression] = []
        for element in elements {
            switch element.name {
            case "ConditionSet":
                let joinName = element.attribute("Operator") ?? "AND"
                guard let join = FilterJoin(rawValue: joinName.uppercased()) else {
                    throw Invalid(reason: "ConditionSet Operator \"\(joinName)\" is neither AND nor OR")
                }
                if let set = simplified(join, try expressions(element.children, sourceName: sourceName)) { parts.append(set) }
            case "Condition":
                parts.append(.condition(try condition(element, sourceName: sourceName)))
            default:
                throw Invalid(reason: "<\(element.name)> where <ConditionSet> or <Condition> belongs")
            }
        }
        return parts
    }

    private static func simplified(_ join: FilterJoin, _ parts: [FilterExpression]) -> FilterExpression? {
        switch parts.count {
        case 0: nil
        case 1: parts[0]
        default: .group(join, parts)
        }
    }

    private static func condition(_ element: XMLElement, sourceName: String) throws(Invalid) -> FilterCondition {
        guard let key = element.attribute("Key"), !key.isEmpty else {
            throw Invalid(reason: "a <Condition> has no Key (the attribute it tests)")
        }
        let operatorName = element.attribute("Operator") ?? ""
        guard let op = FilterOperator.allCases.first(where: { name(of: $0).caseInsensitiveCompare(operatorName) == .orderedSame })
        else {
            let known = FilterOperator.allCases.map(name(of:)).joined(separator: ", ")
            throw Invalid(reason: "the operator \"\(operatorName)\" on \(key) is not emulated (use \(known))")
        }
        var value = element.children.first { $0.name == "Value" }?.text
        if op == .is || op == .isNot, let text = value, ["true", "false"].contains(text.lowercased()) {
            value = text.prefix(1).uppercased() + text.dropFirst().lowercased()
        }
        return FilterCondition(attribute(of: key, sourceName: sourceName), op, value)
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

    /// `sourceName` names the attribute set of attributes given without one (`Updated` → `Members.Updated`).
    static func xml(_ filter: FilterExpression, sourceName: String) -> String {
        let body: String =
            switch filter {
            case .condition: conditionSet(.and, [filter], sourceName: sourceName)
            case .group(let join, let parts): conditionSet(join, parts, sourceName: sourceName)
            }
        return "<FilterDefinition>\(body)</FilterDefinition>"
    }

    private static func conditionSet(_ join: FilterJoin, _ parts: [FilterExpression], sourceName: String) -> String {
        let inner = parts.map { part -> String in
            switch part {
            case .condition(let condition): self.condition(condition, sourceName: sourceName)
            case .group(let innerJoin, let innerParts): conditionSet(innerJoin, innerParts, sourceName: sourceName)
            }
        }.joined()
        return
            #"<ConditionSet Operator="\#(join.rawValue)" ConditionSetName="Individual Filter Grouping">\#(inner)</ConditionSet>"#
    }

    private static func condition(_ condition: FilterCondition, sourceName: String) -> String {
        let key = condition.attribute.contains(".") ? condition.attribute : "\(sourceName).\(condition.attribute)"
        var value = condition.value ?? ""
        if condition.operator == .is || condition.operator == .isNot { value = value.lowercased() }
        // A value holding "]]>" continues in a second CDATA section.
        value = value.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
        return
            #"<Condition Key="\#(escape(key))" Operator="\#(name(of: condition.operator))" UiMetaData="{}"><Value><![CDATA[\#(value)]]></Value></Condition>"#
    }

    static func name(of op: FilterOperator) -> String {
        switch op {
        case .is: "Is"
        case .isNot: "IsNot"
        case .equals: "Equal"
        case .notEquals: "NotEqual"
        case .contains: "Contains"
        case .isNull: "IsNull"
        case .isNotNull: "IsNotNull"
        case .greater: "GreaterThan"
        case .less: "LessThan"
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

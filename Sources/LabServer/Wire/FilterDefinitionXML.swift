import LabModel

/// A trigger's filter as Journey Builder stores it: FilterDefinition XML with ConditionSets,
/// each condition keyed `AttributeSet.Attribute` (§5.8 of the reference).
enum FilterDefinitionXML {
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

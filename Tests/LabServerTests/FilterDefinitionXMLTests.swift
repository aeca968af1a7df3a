import Foundation
import LabModel
import PropertyBased
import Testing

@testable import LabServer

/// Entry filters survive the trip to FilterDefinition XML and back, whatever their values hold.
@Suite struct FilterDefinitionXMLTests {
    static let attributes = ["Updated", "MemberID", "FirstName", "Purchases.Total"]
    static let valueOperators: [FilterOperator] = [.equals, .notEquals, .contains, .greater, .less]
    static let awkward = Gen.oneOf(
        Gen.character(in: "\u{20}"..."\u{7E}").string(of: 0...12), Gen.always("]]>"), Gen.always("a <b> & \"c\""),
        Gen.always("Zoë 日本"), Gen.always("  padded  "))
    static let condition = zip(Gen.int(in: 0...3), Gen.int(in: 0...8), awkward, Gen.bool).map {
        attribute, op, text, flag -> FilterExpression in
        let name = attributes[attribute]
        switch op {
        case 0...4: return .condition(FilterCondition(name, valueOperators[op], text))
        case 5: return .condition(FilterCondition(name, .isNull))
        case 6: return .condition(FilterCondition(name, .isNotNull))
        default: return .condition(FilterCondition(name, op == 7 ? .is : .isNot, flag ? "True" : "False"))
        }
    }
    static let group = zip(Gen.bool, condition.array(of: 2...4)).map { isAnd, parts in
        FilterExpression.group(isAnd ? .and : .or, parts)
    }
    static let filter = Gen.oneOf(condition, group, zip(Gen.bool, group.array(of: 2...3)).map { .group($0 ? .and : .or, $1) })

    @Test func filtersRoundTripThroughXML() async {
        await propertyCheck(count: 300, input: Self.filter) { (filter: FilterExpression) throws in
            let xml = FilterDefinitionXML.xml(filter, sourceName: "Members")
            #expect(try FilterDefinitionXML.filter(from: xml, sourceName: "Members") == filter, "\(xml)")
        }
    }

    @Test func marketingCloudsSpellingsAreRead() throws {
        let captured = """
            <?xml version="1.0"?>
            <FilterDefinition>
              <!-- as Journey Builder saves it -->
              <ConditionSet Operator="OR" ConditionSetName="Individual Filter Grouping">
                <Condition Key="members.Updated" Operator="is" UiMetaData="{}"><Value><![CDATA[FALSE]]></Value></Condition>
                <Condition IsEphemeralAttribute="true" Key="Event.APIEvent-1.&quot;FirstName&quot;" Operator="Equal"><Value>Ana &amp; Bo</Value></Condition>
                <Condition Key='Purchases.Total' Operator='GreaterThan'><Value>10</Value></Condition>
              </ConditionSet>
            </FilterDefinition>
            """
        let filter = try FilterDefinitionXML.filter(from: captured, sourceName: "Members")
        #expect(filter?.description == "Updated is False OR FirstName equals Ana & Bo OR Purchases.Total greater 10")
        #expect(try FilterDefinitionXML.filter(from: "", sourceName: "Members") == nil)
        // A data extension named with a dot keeps its whole name as the attribute set.
        let dotted = try FilterDefinitionXML.filter(
            from:
                #"<FilterDefinition><Condition Key="members.2024.Updated" Operator="Is"><Value>false</Value></Condition></FilterDefinition>"#,
            sourceName: "Members.2024")
        #expect(dotted?.description == "Updated is False")
        let flag = FilterExpression.condition(FilterCondition("Updated", .is, "False"))
        #expect(try FilterDefinitionXML.filter(from: FilterDefinitionXML.xml(flag, sourceName: "A.B"), sourceName: "A.B") == flag)
        #expect(try FilterDefinitionXML.filter(from: "<FilterDefinition/>", sourceName: "Members") == nil)
    }

    @Test func brokenXMLSaysWhereAndWhy() {
        let cases = [
            ("<FilterDefinition><ConditionSet>", "<ConditionSet> is not closed"),
            ("<Filter/>", "the root element is <Filter>"),
            (#"<FilterDefinition><Condition Operator="Is"/></FilterDefinition>"#, "has no Key"),
            (#"<FilterDefinition><Condition Key="A" Operator="Is"></Value></FilterDefinition>"#, "</Value> closes <Condition>"),
            (#"<FilterDefinition><ConditionSet Operator="XOR"/></FilterDefinition>"#, "neither AND nor OR"),
            (#"<FilterDefinition><Condition Key="A&bogus;"/></FilterDefinition>"#, "unknown entity &bogus;"),
            (
                "<FilterDefinition>" + String(repeating: "<ConditionSet>", count: 40)
                    + String(repeating: "</ConditionSet>", count: 40)
                    + "</FilterDefinition>", "nested more than 32 levels deep"
            ),
        ]
        for (xml, reason) in cases {
            #expect(throws: FilterDefinitionXML.Invalid.self) { try FilterDefinitionXML.filter(from: xml, sourceName: "M") }
            do {
                _ = try FilterDefinitionXML.filter(from: xml, sourceName: "M")
            } catch {
                #expect(error.description.contains(reason), "\(error.description)")
            }
        }
    }
}

import Foundation
import PropertyBased
import Testing

@testable import LabModel

/// Each syntax prints a filter so that it reads back as the same filter, whatever its values hold.
@Suite struct FilterSyntaxTests {
    static let fields = ["Updated", "MemberID", "FirstName", "Purchases.Total"]
    static let awkward = Gen.oneOf(
        Gen.character(in: "\u{20}"..."\u{7E}").string(of: 0...12), Gen.always("]]>"), Gen.always("a <b> & \"c\""),
        Gen.always("Zoë 日本"), Gen.always("  padded  "), Gen.always("AND"), Gen.always("it's (so)"), Gen.always("is null"))
    /// Comparisons of every kind except `like`, whose `%…%` patterns `$filter` reads as `contains`.
    static let comparisons: [FilterComparison] = [.equals, .notEquals, .greater, .greaterOrEqual, .less, .lessOrEqual, .contains]
    static let condition = zip(Gen.int(in: 0...3), Gen.int(in: 0...10), awkward, Gen.bool).map {
        field, op, text, flag -> Filter in
        let name = fields[field]
        switch op {
        case 0...6: return .compare(field: name, comparisons[op], value: text)
        case 7: return .isNull(field: name)
        case 8: return .isNotNull(field: name)
        default: return .compare(field: name, op == 9 ? .equals : .notEquals, value: flag ? "True" : "False")
        }
    }
    static let group = zip(Gen.bool, condition.array(of: 2...4)).map { isAll, parts in
        isAll ? Filter.all(parts) : Filter.any(parts)
    }
    static let filter = Gen.oneOf(
        condition, group, zip(Gen.bool, group.array(of: 2...3)).map { isAll, parts in isAll ? Filter.all(parts) : .any(parts) })

    @Test func filtersRoundTripThroughXML() async {
        await propertyCheck(count: 300, input: Self.filter) { (filter: Filter) throws in
            let xml = FilterDefinitionXML.text(of: filter, sourceName: "Members")
            #expect(try FilterDefinitionXML.parse(xml, sourceName: "Members") == filter, "\(xml)")
        }
    }

    @Test func filtersRoundTripThroughCriteriaText() async {
        await propertyCheck(count: 300, input: Self.filter) { (filter: Filter) throws in
            let text = CriteriaTextSyntax.text(of: filter)
            #expect(try CriteriaTextSyntax.parse(text) == filter, "\(text)")
            #expect(try ReadableFilterSyntax.parse(text).normalized == filter.normalized, "\(text)")
        }
    }

    @Test func filtersRoundTripThroughRESTFilterText() async {
        await propertyCheck(count: 300, input: Self.filter) { (filter: Filter) throws in
            let text = RESTFilterSyntax.text(of: filter)
            #expect(try RESTFilterSyntax.parse(text) == filter, "\(text)")
            #expect(try ReadableFilterSyntax.parse(text) == filter, "\(text)")
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
        let filter = try FilterDefinitionXML.parse(captured, sourceName: "Members")
        #expect(filter?.description == "Updated is False OR FirstName equals 'Ana & Bo' OR Purchases.Total greater 10")
        #expect(try FilterDefinitionXML.parse("", sourceName: "Members") == nil)
        // A data extension named with a dot keeps its whole name as the attribute set.
        let dotted = try FilterDefinitionXML.parse(
            #"<FilterDefinition><Condition Key="members.2024.Updated" Operator="Is"><Value>false</Value></Condition></FilterDefinition>"#,
            sourceName: "Members.2024")
        #expect(dotted?.description == "Updated is False")
        let flag = Filter.compare(field: "Updated", .equals, value: "False")
        #expect(try FilterDefinitionXML.parse(FilterDefinitionXML.text(of: flag, sourceName: "A.B"), sourceName: "A.B") == flag)
        #expect(try FilterDefinitionXML.parse("<FilterDefinition/>", sourceName: "Members") == nil)
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
            #expect(throws: FilterSyntaxError.self) { try FilterDefinitionXML.parse(xml, sourceName: "M") }
            do {
                _ = try FilterDefinitionXML.parse(xml, sourceName: "M")
            } catch {
                #expect(error.description.contains(reason), "\(error.description)")
            }
        }
    }
}

/// What a person types is read in either readable syntax, and a refusal says what is wrong.
@Suite struct ReadableFilterTests {
    @Test func bothReadableSyntaxesReadTheSameFilter() throws {
        let updatedIsFalse = Filter.compare(field: "Updated", .equals, value: "False")
        #expect(try ReadableFilterSyntax.parse("Updated eq 'False'") == updatedIsFalse)
        #expect(try ReadableFilterSyntax.parse("Updated is False") == updatedIsFalse)
        #expect(try ReadableFilterSyntax.parse("Updated IS false").normalized == updatedIsFalse.normalized)
        #expect(
            try ReadableFilterSyntax.parse("MemberID gt 3 and LastName is null or FirstName like 'S%'")
                == .any([
                    .all([.compare(field: "MemberID", .greater, value: "3"), .isNull(field: "LastName")]),
                    .compare(field: "FirstName", .like, value: "S%"),
                ]))
        #expect(
            try ReadableFilterSyntax.parse("MemberID greater or equal 3 AND LastName contains 'van der'")
                == .all([
                    .compare(field: "MemberID", .greaterOrEqual, value: "3"),
                    .compare(field: "LastName", .contains, value: "van der"),
                ]))
        #expect(
            try RESTFilterSyntax.parse("Tier in ('gold', 'silver') and MemberID between 3 and 7")
                == .all([
                    .any([.compare(field: "Tier", .equals, value: "gold"), .compare(field: "Tier", .equals, value: "silver")]),
                    .all([
                        .compare(field: "MemberID", .greaterOrEqual, value: "3"),
                        .compare(field: "MemberID", .lessOrEqual, value: "7"),
                    ]),
                ]))
        #expect(try RESTFilterSyntax.parse("LastName like '%o''b\\_%'") == .compare(field: "LastName", .contains, value: "o'b_"))
    }

    @Test func refusalsSayWhatIsWrongInTheSyntaxMeant() {
        let cases = [
            ("MemberID gt", "\"gt\" needs a value"),
            ("Updated is Maybe or", "a condition is missing"),
            ("Updated iz False", "\"iz\" is not an operator (eq, ne, gt, lt, like, is, equals"),
            ("Updated", "\"Updated\" needs an operator"),
            ("(Updated eq 'True'", "a parenthesis is not closed"),
            ("Name eq 'Sam", "a quoted value is not closed"),
            ("A is 1 AND B is 2 OR C is 3", "mixing AND and OR needs parentheses"),
            ("", "it is empty"),
            (String(repeating: "(", count: 40) + "A eq 1" + String(repeating: ")", count: 40), "it nests deeper than 32 levels"),
        ]
        for (text, reason) in cases {
            #expect(throws: FilterSyntaxError.self) { try ReadableFilterSyntax.parse(text) }
            do {
                _ = try ReadableFilterSyntax.parse(text)
            } catch {
                #expect(error.reason.hasPrefix(reason), "\(text): \(error.reason)")
                #expect(error.description.hasPrefix("The filter \"\(text)\" is not valid: \(reason)"))
                let hint = "Write Field eq 'value' or Field is value, joined with and/or."
                #expect(error.description.hasSuffix(error.unknownOperator == nil ? hint : "…)."), "\(error.description)")
            }
        }
    }

    @Test func everyParserRefusesPastItsLimitsAndAcceptsAtThem() throws {
        let nested = { (levels: Int) in String(repeating: "(", count: levels) + "A eq 1" + String(repeating: ")", count: levels) }
        #expect(try RESTFilterSyntax.parse(nested(31)) == .compare(field: "A", .equals, value: "1"))
        let conditions = { (count: Int, joiner: String) in
            (1...count).map { "A\($0) eq \($0)" }.joined(separator: joiner)
        }
        #expect(try RESTFilterSyntax.parse(conditions(1_000, " or ")).fields.count == 1_000)
        #expect(
            try CriteriaTextSyntax.parse(conditions(1_000, " OR ").replacingOccurrences(of: " eq ", with: " equals ")).fields
                .count == 1_000)
        let tooLong = "A eq '" + String(repeating: "x", count: 100_000) + "'"
        let xmlCondition = #"<Condition Key="M.A" Operator="Equal"><Value>1</Value></Condition>"#
        let xml = { (count: Int) in
            "<FilterDefinition><ConditionSet Operator=\"OR\">" + String(repeating: xmlCondition, count: count)
                + "</ConditionSet></FilterDefinition>"
        }
        #expect(try FilterDefinitionXML.parse(xml(1_000), sourceName: "M")?.fields.count == 1_000)
        let refusals: [(String, () throws -> Any?)] = [
            ("it nests deeper than 32 levels", { try RESTFilterSyntax.parse(nested(32)) }),
            (
                "it nests deeper than 32 levels",
                { try CriteriaTextSyntax.parse(nested(3_000).replacingOccurrences(of: " eq ", with: " equals ")) }
            ),
            ("it has more than 1,000 conditions", { try RESTFilterSyntax.parse(conditions(1_001, " and ")) }),
            (
                "it has more than 1,000 conditions",
                { try RESTFilterSyntax.parse("A in (" + (0...1_000).map(String.init).joined(separator: ", ") + ")") }
            ),
            (
                "it has more than 1,000 conditions",
                { try CriteriaTextSyntax.parse(conditions(1_001, " AND ").replacingOccurrences(of: " eq ", with: " equals ")) }
            ),
            ("it has more than 1,000 conditions", { try FilterDefinitionXML.parse(xml(1_001), sourceName: "M") }),
            ("it is longer than 100,000 bytes", { try RESTFilterSyntax.parse(tooLong) }),
            ("it is longer than 100,000 bytes", { try ReadableFilterSyntax.parse(tooLong) }),
            (
                "nested more than 32 levels deep",
                {
                    try FilterDefinitionXML.parse(
                        "<FilterDefinition>" + String(repeating: "<ConditionSet>", count: 3_000), sourceName: "M")
                }
            ),
        ]
        for (reason, parse) in refusals {
            do {
                _ = try parse()
                Issue.record("accepted past a limit: \(reason)")
            } catch let error as FilterSyntaxError {
                #expect(error.description.contains(reason), "\(error.description)")
                #expect(error.text.utf8.count <= 204, "the refusal repeats at most 200 bytes of the text")
            }
        }
    }
}

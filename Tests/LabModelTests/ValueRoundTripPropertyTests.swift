import Foundation
import PropertyBased
import Testing

@testable import LabModel

/// Values survive the trip text → checked value → SQLite → read back → text, for any input.
@Suite struct ValueRoundTripPropertyTests {
    static let earliest = DateTimeValue(year: 1753, month: 1, day: 1).epochSeconds
    static let latest = DateTimeValue(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59).epochSeconds

    @Test func decimalsPrintAndParseToTheSameUnits() async {
        await propertyCheck(input: Gen.int64(in: -999_999_999_999_999_999...999_999_999_999_999_999), Gen.int(in: 0...18)) {
            units, scale in
            let decimal = ExactDecimal(units: units, scale: scale)
            let parsed = try ExactDecimal(parsing: decimal.description, precision: 18, scale: scale)
            #expect(parsed == decimal, "\(decimal)")
        }
    }

    @Test func datesSurviveBothTextForms() async {
        await propertyCheck(input: Gen.int64(in: Self.earliest...Self.latest)) { (seconds: Int64) throws in
            let date = DateTimeValue.fromEpochSeconds(seconds)
            #expect(date.epochSeconds == seconds)
            #expect(try DateTimeValue(parsing: date.marketingCloudText) == date, "\(date.marketingCloudText)")
            #expect(try DateTimeValue(parsing: date.storageText) == date, "\(date.storageText)")
        }
    }

    @Test func isoOffsetsConvertToUTC() async {
        await propertyCheck(input: Gen.int64(in: Self.earliest + 86_400...Self.latest - 86_400), Gen.int(in: -14 * 60...14 * 60))
        {
            seconds, offsetMinutes in
            let local = DateTimeValue.fromEpochSeconds(seconds)
            let sign = offsetMinutes < 0 ? "-" : "+"
            let offset = String(format: "%@%02d:%02d", sign, abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
            let iso = local.storageText.replacingOccurrences(of: " ", with: "T") + offset
            let parsed = try DateTimeValue(parsing: iso)
            #expect(parsed.epochSeconds == seconds - Int64(offsetMinutes * 60), "\(iso)")
        }
    }

    @Test func everyTypeRoundTripsThroughAWorkspace() async throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.workspace.createDataExtension(
            DataExtensionDraft(
                name: "Everything",
                fields: [
                    Field(name: "Key", type: .number, isPrimaryKey: true),
                    Field(name: "Words", type: .text, length: 4000),
                    Field(name: "Count", type: .number),
                    Field(name: "Money", type: .decimal(precision: 18, scale: 4)),
                    Field(name: "When", type: .date),
                    Field(name: "Flag", type: .boolean),
                ]))
        let text = Gen.character(in: "\u{20}"..."\u{2FF}").string(of: 1...60)
        var key: Int32 = 0
        await propertyCheck(
            count: 200,
            input: text, Gen.int32(), Gen.int64(in: -999_999_999_999_999_999...999_999_999_999_999_999),
            Gen.int64(in: Self.earliest...Self.latest), Gen.bool
        ) { words, count, money, seconds, flag in
            key += 1
            let input = [
                "Key": String(key), "Words": words, "Count": String(count),
                "Money": ExactDecimal(units: money, scale: 4).description,
                "When": DateTimeValue.fromEpochSeconds(seconds).marketingCloudText, "Flag": flag ? "True" : "False",
            ]
            let record = try temp.workspace.addRecord(to: .id(de.id), values: input)
            let stored = try temp.workspace.record(in: .id(de.id), rowID: record.rowID).texts(in: de)
            #expect(stored == input)
        }
    }
}

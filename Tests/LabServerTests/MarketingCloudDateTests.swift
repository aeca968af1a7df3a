import Foundation
import PropertyBased
import Testing

@testable import LabServer

/// Dates a client reads (`modifiedDate`) come back to the same millisecond when it sends them.
@Suite struct MarketingCloudDateTests {
    @Test func datesSurviveTheirTextToTheMillisecond() async {
        await propertyCheck(input: Gen.int64(in: -2_000_000_000_000...4_000_000_000_000)) { (milliseconds: Int64) in
            let date = Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
            let text = MarketingCloudDate.text(date)
            let back = MarketingCloudDate.date(from: text)
            #expect(back.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } == milliseconds, "\(text)")
        }
    }

    @Test func marketingCloudsSpellingsAreRead() {
        let utc = Date(timeIntervalSince1970: 1_714_845_957.9)
        #expect(MarketingCloudDate.text(utc) == "2024-05-04T18:05:57.900")
        func read(_ text: String) -> TimeInterval? { MarketingCloudDate.date(from: text)?.timeIntervalSince(utc) }
        #expect(read("2024-05-04T18:05:57.9").map { abs($0) < 0.000_1 } == true)
        #expect(read("2024-05-04T18:05:57").map { abs($0 + 0.9) < 0.000_1 } == true)
        #expect(read("2024-05-04T20:05:57.9+02:00").map { abs($0) < 0.000_1 } == true)
        #expect(read("2024-05-04T18:05:57.9Z").map { abs($0) < 0.000_1 } == true)
        #expect(MarketingCloudDate.date(from: "4 May 2024") == nil)
        #expect(MarketingCloudDate.date(from: "2024-05-04T17:25:57+19:00") == nil)
        #expect(MarketingCloudDate.date(from: "2024-05-04T17:25:57+05:75") == nil)
    }
}

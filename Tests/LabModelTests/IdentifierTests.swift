import Foundation
import PropertyBased
import Testing

@testable import LabModel

/// Ids are written as Marketing Cloud writes them (lower-case GUIDs), and event instance ids
/// made later sort later, so their index grows at its end.
@Suite struct IdentifierTests {
    @Test func storedTextIsTheLowerCaseGUID() async {
        await propertyCheck(input: Gen.uint64(), Gen.uint64()) { high, low in
            let uuid = withUnsafeBytes(of: (high, low)) { bytes in
                UUID(
                    uuid: (
                        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                    ))
            }
            #expect(uuid.storageText == uuid.uuidString.lowercased())
            #expect(UUID(storageText: uuid.storageText) == uuid)
            #expect(UUID(storageText: uuid.uuidString) == uuid)
        }
    }

    @Test func textThatIsNoIdIsRefused() {
        let id = "561f11d8-0c02-4f99-b639-7d2f2d006e00"
        #expect(UUID(storageText: id) == UUID(uuidString: id))
        for bad in ["", String(id.dropLast()), id + "0", id.replacingOccurrences(of: "-", with: "_"), "g" + id.dropFirst()] {
            #expect(UUID(storageText: bad) == nil, "\(bad)")
        }
    }

    @Test func timeOrderedIdsAreVersionSevenAndSortByTime() {
        let start = Date(timeIntervalSince1970: 1_795_800_000.123)
        let ids = (0..<2_000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) / 1_000)) }
        for id in ids {
            let text = id.storageText
            #expect(text.count == 36 && text == id.uuidString.lowercased())
            #expect(Array(text)[14] == "7")
            #expect("89ab".contains(Array(text)[19]))
        }
        let texts = ids.map(\.storageText)
        // The time comes first: an id made later never sorts before an earlier one's millisecond.
        let times = texts.map { $0.prefix(13) }
        #expect(times == times.sorted())
        #expect(Set(times).count == 2_000)
        #expect(Set(texts).count == texts.count)
        // The first 48 bits are the milliseconds since 1970.
        #expect(texts[0].hasPrefix(String(format: "%08llx-%04llx", 1_795_800_000_123 >> 16, 1_795_800_000_123 & 0xFFFF)))
        // Ids of the same millisecond differ in their random bits.
        let same = Set((0..<1_000).map { _ in UUID.timeOrdered(at: start) })
        #expect(same.count == 1_000)
    }
}

import Foundation

/// Dates as Marketing Cloud writes them in journey, automation and rowset JSON: ISO 8601 without a zone.
enum MarketingCloudDate {
    static let none = "0001-01-01T00:00:00"

    static func text(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}

import LabJSON
import Testing

@testable import LabClient

/// Replies are read with the emulator's own JSON reader, as loosely as Marketing Cloud writes them.
@Suite struct ReplyReadingTests {
    static func exchange(_ body: String) -> RawExchange {
        RawExchange(method: "GET", url: "http://127.0.0.1/x", status: 200, headers: [], body: body, duration: .zero)
    }

    @Test func numbersKeepTheirTextAndBadJSONReadsAsNone() {
        #expect(Self.exchange(#"{"count":12345678901234567890,"page":1}"#).json?["COUNT"] == .number("12345678901234567890"))
        #expect(Self.exchange(#"{"count":"#).json == nil && Self.exchange(#"{"count":1,}"#).json == nil)
        #expect(Self.exchange("").json == nil)
    }

    @Test func errorsAreReadWhateverTheCaseAndTypeOfTheirFields() {
        let publish = MarketingCloudError.from(
            status: 400,
            body: #"{"message":"Cannot publish","errorCode":"121008","errors":[{"errorDetail":"No trigger"}]}"#)
        #expect(
            publish
                == .api(status: 400, message: "Cannot publish", errorCode: 121008, details: ["No trigger"], body: publish.body))
        let oauth = MarketingCloudError.from(status: 401, body: #"{"error":"invalid_client","error_description":"Bad id"}"#)
        #expect(oauth == .auth(status: 401, error: "invalid_client", description: "Bad id"))
        let empty = MarketingCloudError.from(status: 502, body: #"{"message":null,"error":""}"#)
        #expect(
            empty == .api(status: 502, message: #"{"message":null,"error":""}"#, errorCode: nil, details: [], body: empty.body))
    }
}

extension MarketingCloudError {
    fileprivate var body: String {
        if case .api(_, _, _, _, let body) = self { body } else { "" }
    }
}

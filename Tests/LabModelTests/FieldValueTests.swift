import Testing

@testable import LabModel

@Suite struct FieldValueTests {
    let email = Field(name: "EmailAddress", type: .emailAddress, isPrimaryKey: true)
    let number = Field(name: "MemberID", type: .number)
    let amount = Field(name: "Amount", type: .decimal(precision: 18, scale: 2))
    let joined = Field(name: "Joined", type: .date)
    let updated = Field(name: "Updated", type: .boolean)
    let firstName = Field(name: "FirstName", type: .text, length: 5)
    let locale = Field(name: "Locale", type: .locale)
    let phone = Field(name: "Phone", type: .phone)

    @Test func emailAddressesAreCheckedForSyntax() throws {
        #expect(try email.value(from: "susan@sausage.com") == .text("susan@sausage.com"))
        #expect(try email.value(from: " a.b+tag@mail.example.co.uk ") == .text("a.b+tag@mail.example.co.uk"))
        for bad in [
            "susan", "susan@", "@sausage.com", "su san@sausage.com", "susan@sausage", "a@@b.com", "a..b@c.com", "a@-b.com",
        ] {
            #expect(throws: ValueProblem.notAnEmailAddress, "\(bad)") { try email.value(from: bad) }
        }
        let tooLong = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 186) + ".com"
        #expect(throws: ValueProblem.tooLong(maximum: 254, actual: 255)) { try email.value(from: tooLong) }
    }

    @Test func numbersAreThirtyTwoBitIntegers() throws {
        #expect(try number.value(from: "5") == .number(5))
        #expect(try number.value(from: "-2147483648") == .number(Int32.min))
        #expect(try number.value(from: "+2147483647") == .number(Int32.max))
        #expect(throws: ValueProblem.outOfRange(minimum: -2_147_483_648, maximum: 2_147_483_647)) {
            try number.value(from: "2147483648")
        }
        for bad in ["5.0", "five", "1e3", "0x10"] {
            #expect(throws: ValueProblem.notAWholeNumber, "\(bad)") { try number.value(from: bad) }
        }
    }

    @Test func decimalsKeepTheirExactDigits() throws {
        #expect(try amount.value(from: "0.10").displayText == "0.10")
        #expect(try amount.value(from: "0.1").displayText == "0.10")
        #expect(try amount.value(from: "-12").displayText == "-12.00")
        #expect(try amount.value(from: ".5").displayText == "0.50")
        #expect(try amount.value(from: "9999999999999999.99").displayText == "9999999999999999.99")
        #expect(throws: ValueProblem.tooManyDecimalPlaces(scale: 2)) { try amount.value(from: "0.125") }
        #expect(throws: ValueProblem.tooManyDigits(precision: 18, scale: 2)) { try amount.value(from: "12345678901234567") }
        #expect(throws: ValueProblem.notADecimal) { try amount.value(from: "1,5") }
        #expect(throws: ValueProblem.notADecimal) { try amount.value(from: "-") }
    }

    @Test func datesAcceptISOAndMarketingCloudForms() throws {
        let expected = FieldValue.date(DateTimeValue(year: 2024, month: 6, day: 23, hour: 14, minute: 30, second: 5))
        #expect(try joined.value(from: "2024-06-23T14:30:05") == expected)
        #expect(try joined.value(from: "2024-06-23 14:30:05.123") == expected)
        #expect(try joined.value(from: "2024-06-23T16:30:05+02:00") == expected)
        #expect(try joined.value(from: "2024-06-23T14:30:05Z") == expected)
        #expect(try joined.value(from: "6/23/2024 2:30:05 PM") == expected)
        #expect(try joined.value(from: "6/23/2024 2:30:05 pm") == expected)
        #expect(try joined.value(from: "6/23/2024").displayText == "6/23/2024 12:00:00 AM")
        #expect(try joined.value(from: "2024-06-23").displayText == "6/23/2024 12:00:00 AM")
        #expect(try joined.value(from: "1/1/2024 12:00:00 PM").displayText == "1/1/2024 12:00:00 PM")
        #expect(try joined.value(from: "2024-02-29") != .null)
        for bad in [
            "2023-02-29", "13/1/2024", "6/31/2024", "2024-06-23T25:00", "6/23/2024 13:00:00 PM", "yesterday", "2024/06/23",
        ] {
            #expect(throws: ValueProblem.notADate, "\(bad)") { try joined.value(from: bad) }
        }
    }

    @Test func booleansAcceptTheUsualWordsInAnyCase() throws {
        for yes in ["True", "true", "TRUE", "1", "yes", "Yes"] { #expect(try updated.value(from: yes) == .boolean(true)) }
        for no in ["False", "false", "0", "no", "NO"] { #expect(try updated.value(from: no) == .boolean(false)) }
        #expect(throws: ValueProblem.notABoolean) { try updated.value(from: "maybe") }
        #expect(try updated.value(from: "true").displayText == "True")
    }

    @Test func textIsLimitedToItsLength() throws {
        #expect(try firstName.value(from: "Zoë日本") == .text("Zoë日本"))
        #expect(throws: ValueProblem.tooLong(maximum: 5, actual: 6)) { try firstName.value(from: "Saskia") }
        #expect(try phone.value(from: "+44 20 7946 0000") == .text("+44 20 7946 0000"))
        #expect(throws: ValueProblem.tooLong(maximum: 50, actual: 51)) {
            try phone.value(from: String(repeating: "1", count: 51))
        }
    }

    @Test func localesAreShortLanguageCodes() throws {
        #expect(try locale.value(from: "en-US") == .text("en-US"))
        #expect(try locale.value(from: "pt-br") == .text("pt-br"))
        #expect(throws: ValueProblem.notALocale) { try locale.value(from: "e1") }
        #expect(throws: ValueProblem.tooLong(maximum: 5, actual: 7)) { try locale.value(from: "english") }
    }

    @Test func emptyMeansNoValueAndRequiredFieldsRefuseIt() throws {
        #expect(try number.value(from: "") == .null)
        #expect(try number.value(from: "  ") == .null)
        #expect(throws: ValueProblem.required) { try email.value(from: "") }
    }
}

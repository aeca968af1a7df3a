import Terminal
import Testing

@Suite struct TextTests {
    @Test func widthsFollowTheTerminal() {
        #expect(TextWidth.of("Zoë 日本 😀") == 11)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("👨‍👩‍👧") == 2)
        #expect(TextWidth.of("🇬🇧") == 2)
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("ｶﾀｶﾅ") == 4)
        #expect(TextWidth.of("Ｆｕｌｌ") == 8)
        #expect(TextWidth.of("\u{7}tab\t") == 3)
        #expect(TextWidth.of("\u{200D}") == 0)
        #expect(TextWidth.of("🌡") == 1, "no emoji presentation: narrow unless followed by VS16")
        #expect(TextWidth.of("🌡\u{FE0F}") == 2)
    }

    @Test func truncationEndsInAnEllipsisWithinTheWidth() {
        #expect(TextFitting.truncate("Members", to: 10) == "Members")
        #expect(TextFitting.truncate("Member Preferences", to: 10) == "Member Pr…")
        #expect(TextFitting.truncate("日本語のテキスト", to: 7) == "日本語…")
        #expect(TextWidth.of(TextFitting.truncate("日本語のテキスト", to: 6)) <= 6)
        #expect(TextFitting.truncate("abc", to: 0) == "")
        #expect(TextFitting.pad("日本", to: 6) == "日本  ")
    }

    @Test func wrappingBreaksAtSpacesAndSplitsLongWords() {
        #expect(
            TextFitting.wrap("Fire the event and watch the flags flip", to: 12) == [
                "Fire the", "event and", "watch the", "flags flip",
            ])
        #expect(TextFitting.wrap("CONTACT-EVENT-f34a064a", to: 8) == ["CONTACT-", "EVENT-f3", "4a064a"])
        #expect(TextFitting.wrap("one\ntwo", to: 10) == ["one", "two"])
        #expect(TextFitting.wrap("one\r\ntwo", to: 10) == ["one", "two"])
        #expect(TextFitting.wrap("abcd ", to: 4) == ["abcd"])
        #expect(TextFitting.wrap("日本語 テキスト", to: 6) == ["日本語", "テキス", "ト"])
    }
}

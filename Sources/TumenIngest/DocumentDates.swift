import Foundation
import TumenProtocol

/// Finds a document's own date in its opening text, for documents submitted without one.
public enum DocumentDates {
    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    /// Abbreviations, also read with a period (`Mar. 4, 2025`, `Tue 4 Mar 2025`); `may` is both.
    private static let abbreviations = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// The first full date (`November 26, 2025`, `26 Nov 2025`, `Nov. 26th, 2025`, `2025-11-26` or `2025/11/26`) in
    /// the first 3,000 characters, as `YYYY-MM-DD`; else a wire dateline's month and day (`SEOUL, March 10
    /// (Yonhap) --`) with the year the text mentions most.
    public static func firstDate(in text: String) -> String? {
        let opening = String(text.unicodeScalars.prefix(3000))
        return fullDate(in: tokens(opening)) ?? wireDateline(in: opening, text: text)
    }

    private static func fullDate(in words: [Substring]) -> String? {
        for index in words.indices {
            if let date = iso(words[index]) { return date }
            guard index + 2 < words.count else { continue }
            if let month = month(words[index]), let day = day(words[index + 1]), let year = year(words[index + 2]) {
                return format(year, month, day)
            }
            if let day = day(words[index]), let month = month(words[index + 1]), let year = year(words[index + 2]) {
                return format(year, month, day)
            }
        }
        return nil
    }

    /// A wire dateline without a year opening a line (`SEOUL, March 10 (Yonhap) --`), dated by the year the text
    /// mentions most (the latest of equally frequent ones).
    private static func wireDateline(in opening: String, text: String) -> String? {
        for line in opening.split(whereSeparator: \.isNewline) {
            guard let comma = line.firstIndex(of: ","),
                line[..<comma].contains(where: \.isLetter),
                line[..<comma].allSatisfy({ $0.isUppercase || $0 == " " || $0 == "/" || $0 == "-" })
            else { continue }
            let words = tokens(String(line[line.index(after: comma)...]))
            guard words.count >= 2, let month = month(words[0]), let day = day(words[1]) else { continue }
            guard let year = mostMentionedYear(in: text) else { return nil }
            return format(year, month, day)
        }
        return nil
    }

    /// The four-digit year (1990–2100) written most often in the text, the latest of equally frequent ones; a year
    /// that is a deadline or a target (`by the end of 2026`, `until 2030`) lies after the text was written and does
    /// not count.
    private static func mostMentionedYear(in text: String) -> Int? {
        var counts: [Int: Int] = [:]
        var recent: [Substring] = []
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if word.count == 4, word.allSatisfy(\.isASCII), let value = Int(word), (1990...2100).contains(value),
                !isDeadline(recent)
            {
                counts[value, default: 0] += 1
            }
            recent.append(word)
            if recent.count > 4 { recent.removeFirst() }
        }
        return counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    }

    private static let deadlineWords: Set<String> = ["by", "until", "till", "through"]

    /// `by 2026`, `until 2030`, `by the end of 2026`: the words before a year that make it a deadline.
    private static func isDeadline(_ recent: [Substring]) -> Bool {
        guard let last = recent.last?.lowercased() else { return false }
        if deadlineWords.contains(last) { return true }
        let words = recent.map { $0.lowercased() }
        return words.count == 4 && deadlineWords.contains(words[0]) && words[2] == "end" && words[3] == "of"
    }

    private static func tokens(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") }
    }

    private static func month(_ word: Substring) -> Int? {
        let word = word.lowercased()
        if let index = months.firstIndex(of: word) ?? abbreviations.firstIndex(of: word) { return index + 1 }
        return word == "sept" ? 9 : nil
    }

    private static func day(_ word: Substring) -> Int? {
        var word = word
        if word.count > 2, ["st", "nd", "rd", "th"].contains(word.suffix(2).lowercased()) { word = word.dropLast(2) }
        guard word.count <= 2, let value = Int(word), (1...31).contains(value) else { return nil }
        return value
    }

    private static func year(_ word: Substring) -> Int? {
        guard word.count == 4, let value = Int(word), (1900...2200).contains(value) else { return nil }
        return value
    }

    private static func iso(_ word: Substring) -> String? {
        let parts = word.split { $0 == "-" || $0 == "/" }
        guard parts.count == 3, !(word.contains("-") && word.contains("/")), let year = year(parts[0]),
            parts[1].count == 2, let month = Int(parts[1]),
            (1...12).contains(month), let day = day(parts[2])
        else { return nil }
        return format(year, month, day)
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}

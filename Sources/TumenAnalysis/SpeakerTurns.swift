import TumenProtocol

/// Finds the turns of a transcript or an interview: lines that open with who speaks.
///
/// A turn opens a line with a label and a colon, and lasts until the next label:
/// - a name, in capitals or as a person's name, with or without a role (`CLAIRE DUBOIS:`, `Ramon Velasco — Chief
///   Financial Officer:`, `Dr. Lee (GAO):`), or a surname of a person named before (`Arakawa:`);
/// - `Q (Dubois):`, `A (Arakawa):`;
/// - `Question:` / `Q:` for the interviewer (the document's author), `Answer:` / `A:` for the first other person the
///   text names with a title (`Energy Secretary Laura Esquivel spoke to us …`);
/// - `Operator:`, `Moderator:` and the like: a turn with no one to quote.
///
/// Field labels and headings (`Source:`, `Note:`, `Scope Note:`, `WHY IT MATTERS:`) are not turns: a label counts
/// only when it is a person's name, and a document needs two turns to be a conversation.
struct SpeakerTurns {
    let text: ScannedText
    let mentions: [MentionSpan]
    /// People named in the text, in full (`Dana Whitfield`).
    let people: [String]
    /// The author of the document, the interviewer of an interview.
    let author: String?

    private var tokens: [Token] { text.tokens }

    /// For each line that opens a turn, its first token and who speaks (nil: nobody to quote).
    func turns() -> [Int: String?] {
        var result: [Int: String?] = [:]
        let introduction = text.string(0, min(text.scalars.count, Self.introductionLength))
        // A word of a name → the name in full: from the people named with a title, then from name pairs in the
        // opening of the text (`Kenji Arakawa, former director …`).
        var surnames: [Substring: String] = [:]
        for person in people {
            for word in person.split(separator: " ") where surnames[word] == nil { surnames[word] = person }
        }
        var index = 1
        while index < tokens.count, tokens[index].start < Self.introductionLength {
            if text.isNameWord(index), text.isNameWord(index - 1), !Lexicon.personTitles.contains(tokens[index - 1].key)
            {
                let word = Substring(text.string(tokens: index, index))
                if surnames[word] == nil { surnames[word] = text.string(tokens: index - 1, index) }
            }
            index += 1
        }
        index = 0
        while index < tokens.count {
            if index == 0 || tokens[index].flags.contains(.lineBefore),
                let (speaker, isTurn) = label(at: index, introduction: introduction, surnames: surnames), isTurn
            {
                result[index] = speaker
            }
            index += 1
        }
        // A single label is a field of a document, not a conversation.
        return result.count >= 2 ? result : [:]
    }

    private static let questionWords = Lexicon.keys(["q", "question", "interviewer"])
    private static let answerWords = Lexicon.keys(["a", "answer"])
    private static let silentRoles = Lexicon.keys([
        "operator", "moderator", "host", "chair", "chairman", "chairwoman", "presenter", "narrator", "announcer",
    ])
    /// Labels of fields, headings and notes: never a speaker.
    private static let fieldLabels = Lexicon.keys([
        "source", "sources", "note", "notes", "keywords", "theme", "updated", "published", "summary", "highlights",
        "background", "contact", "email", "tel", "phone", "date", "subject", "from", "to", "re", "cc", "warning",
        "update", "editor", "photo", "image", "caption", "transcript", "chronology", "correction", "disclaimer",
        "table", "figure", "chart", "methodology", "related", "participants", "location", "status", "title",
        "headline", "scope", "key", "outlook", "risks", "recommendation", "recommendations", "conclusion",
        "context", "analysis", "comment", "assessment", "by", "attendees", "present", "panel", "panelists",
        "speakers", "agenda", "topic", "venue", "time", "format",
    ])

    /// Who the label at the start of the line at `start` names, and whether it is a turn at all.
    private func label(at start: Int, introduction: String, surnames: [Substring: String]) -> (String?, Bool)? {
        let limit = min(tokens.count, start + 24)
        guard let colon = (start..<limit).first(where: { tokens[$0].isSymbol(":") }), colon > start,
            tokens[start].kind == .word, tokens[start].isCapitalized || text.isCapitals(start)
        else { return nil }
        if Self.fieldLabels.contains(tokens[start].key) { return nil }
        // `Q (Dubois):`, `A (Arakawa):`
        if colon - start >= 4, text.isWord(start, in: Self.questionWords) || text.isWord(start, in: Self.answerWords) {
            var open = start + 1
            if tokens[open].isSymbol(".") { open += 1 }
            guard tokens[open].isSymbol("("), tokens[colon - 1].isSymbol(")"), open + 1 < colon - 1 else { return nil }
            return (person(text.string(tokens: open + 1, colon - 2), surnames), true)
        }
        if colon == start + 1 {
            if text.isWord(start, in: Self.questionWords) { return (author, true) }
            if text.isWord(start, in: Self.answerWords) { return (people.first { $0 != author }, true) }
            if text.isWord(start, in: Self.silentRoles) { return (nil, true) }
        }
        // A name, then perhaps a role after a dash, a comma or in brackets.
        let nameStart = text.titlesEnd(from: start, limit: colon)
        var end = nameStart
        var words = 0
        while end < colon, words < 4, text.isNameWord(end) {
            end = text.nameWordEnd(from: end, limit: colon)
            words += 1
        }
        guard words > 0, end == colon || Self.opensRole(tokens[end]),
            !(nameStart..<end).contains(where: {
                text.isWord($0, in: Lexicon.stopWords) || text.isWord($0, in: Self.fieldLabels)
                    || text.isWord($0, in: Lexicon.organisationWords)
            }),
            !overlapsNonPerson(nameStart..<end)
        else { return nil }
        let name = text.string(tokens: nameStart, end - 1)
        let capitals = (nameStart..<end).allSatisfy { tokens[$0].kind != .word || text.isCapitals($0) }
        if capitals, words >= 2 { return (text.titleCased(nameStart, end - 1), true) }
        if words == 1 {
            guard let known = surnames[Substring(name)] else { return nil }
            return (known, true)
        }
        guard
            end < colon || nameStart > start || people.contains(name)
                || isIntroduced(name, before: start, introduction)
        else { return nil }
        return (person(name, surnames), true)
    }

    /// Where the text introduces the people who will speak (`Participants: Claire Dubois, moderator; …`).
    private static let introductionLength = 3000

    /// Whether the opening of the text, before the line at `line`, names this person.
    private func isIntroduced(_ name: String, before line: Int, _ introduction: String) -> Bool {
        let start = tokens[line].start
        guard start > 0 else { return false }
        return (start < Self.introductionLength ? text.string(0, start) : introduction).contains(name)
    }

    /// Whether an entity that is not a person (a country, a body) covers part of the range.
    private func overlapsNonPerson(_ range: Range<Int>) -> Bool {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].endToken <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < mentions.count, mentions[index].firstToken < range.upperBound {
            if mentions[index].mention.kind != "person" { return true }
            index += 1
        }
        return false
    }

    private static func opensRole(_ token: Token) -> Bool {
        token.isSymbol("—") || token.isSymbol("–") || token.isSymbol("-") || token.isSymbol(",")
            || token.isSymbol("(")
    }

    /// A name as the text gave it in full before: `Arakawa` → `Kenji Arakawa`.
    private func person(_ name: String, _ surnames: [Substring: String]) -> String {
        name.contains(" ") ? name : surnames[Substring(name)] ?? name
    }
}

import TumenProtocol

/// Finds the turns of a transcript or an interview: lines that open with who speaks.
///
/// A turn opens a line with a label and a colon, and lasts until the next label:
/// - a name, in capitals or as a person's name, with or without a role (`CLAIRE DUBOIS:`, `Ramon Velasco — Chief
///   Financial Officer:`, `Dr. Lee (GAO):`), or a surname of a person named before (`Arakawa:`);
/// - `Q (Dubois):`, `A (Arakawa):`;
/// - `Question:` / `Q:` for the interviewer (the document's author), `Answer:` / `A:` for the first other person the
///   text names;
/// - `Operator:`, `Moderator:` and the like: a turn with no one to quote.
///
/// Field labels (`Source:`, `Note:`, `Scope Note:`) are not turns: a label counts only when it is a person's name.
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
        var index = 0
        while index < tokens.count {
            if index == 0 || tokens[index].flags.contains(.lineBefore),
                let (speaker, isTurn) = label(at: index), isTurn
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
    private func label(at start: Int) -> (String?, Bool)? {
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
            return (person(text.string(tokens: open + 1, colon - 2)), true)
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
        guard words > 0, end == colon || Self.opensRole(tokens[end]) else { return nil }
        if mentions.contains(where: {
            $0.firstToken < end && $0.endToken > nameStart && $0.mention.kind != "person"
        }) {
            return nil
        }
        let name = text.string(tokens: nameStart, end - 1)
        let capitals = (nameStart..<end).allSatisfy { tokens[$0].kind != .word || text.isCapitals($0) }
        if capitals, words >= 2 { return (titleCased(name), true) }
        if words == 1 {
            guard let known = people.last(where: { $0.split(separator: " ").contains(Substring(name)) }) else {
                return nil
            }
            return (known, true)
        }
        guard
            !name.split(separator: " ").contains(where: {
                Lexicon.organisationWords.contains(WordKey.of(String($0)))
            }),
            end < colon || nameStart > start || people.contains(name) || isIntroduced(name, before: start)
        else { return nil }
        return (person(name), true)
    }

    /// Whether the opening of the text, before `line`, names this person (`Participants: Claire Dubois, moderator;
    /// …`).
    private func isIntroduced(_ name: String, before line: Int) -> Bool {
        let end = min(tokens[line].start, Self.introductionLength)
        return end > 0 && text.string(0, end).contains(name)
    }

    private static let introductionLength = 3000

    private static func opensRole(_ token: Token) -> Bool {
        token.isSymbol("—") || token.isSymbol("–") || token.isSymbol("-") || token.isSymbol(",")
            || token.isSymbol("(")
    }

    /// A name as the text gave it in full before: `Arakawa` → `Kenji Arakawa`, from the people named with a title or
    /// the opening of the text (`Participants: …; Kenji Arakawa, former director …`).
    private func person(_ name: String) -> String {
        guard !name.contains(" ") else { return name }
        if let known = people.last(where: { $0.split(separator: " ").contains(Substring(name)) }) { return known }
        var index = 1
        while index < tokens.count, tokens[index].start < Self.introductionLength {
            if tokens[index].kind == .word, text.isNameWord(index - 1),
                !Lexicon.personTitles.contains(tokens[index - 1].key), text.string(tokens: index, index) == name
            {
                return text.string(tokens: index - 1, index)
            }
            index += 1
        }
        return name
    }

    /// `CLAIRE DUBOIS` → `Claire Dubois`.
    private func titleCased(_ name: String) -> String {
        name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}

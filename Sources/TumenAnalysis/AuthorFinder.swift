import TumenProtocol

/// Finds the author of a document in its first or last lines.
///
/// In order: a credit line (`Interview by Daniel Ruiz.`; `Compiled by the Maritime Security Desk.` names the issuer);
/// a byline among the header lines before the body (`By Jane Doe`, a line that is only a name of two to four
/// capitalised words, bullets allowed, or a name with its role `Dr. Nadia Ferreira, Senior Fellow, …`); an opening
/// sentence `Name, title…, analyzes/argues/…`; a closing
/// biography line `Name is …`. Names written in capitals (`Won Gon PARK`) are reported in title case. Without a
/// person, the body that issues the document: a header `From: Ministry of Defence`, the agency of a wire dateline
/// (`SEOUL, March 10 (Yonhap) --`), or the organisation that opens a press release (`X has today signed …`).
struct AuthorFinder {
    let text: ScannedText
    let mentions: [MentionSpan]
    private var tokens: [Token] { text.tokens }

    /// Lines longer than this many tokens are body text, not a header.
    private static let headerLineLimit = 20
    private static let headerLines = 15
    private static let byWord = WordKey.of("by")
    private static let fromWord = WordKey.of("from")
    private static let todayWord = WordKey.of("today")
    private static let nameConnectors = Lexicon.keys(["of", "for", "the", "on"])
    private static let isWord = WordKey.of("is")
    private static let analysisVerbs = Lexicon.keys([
        "analyzes", "analyses", "argues", "contends", "examines", "explores", "discusses", "writes", "assesses",
        "explains", "considers", "reviews", "notes", "observes", "outlines", "describes", "evaluates",
    ])
    /// Capitalised words of page furniture that are not names.
    private static let headerWords = Lexicon.keys([
        "available", "download", "downloads", "keywords", "theme", "editor", "note", "commentary", "report",
        "analysis", "summary", "abstract", "introduction", "background", "contents", "share", "print", "home",
        "news", "opinion", "subscribe", "related", "topics", "tags", "updated", "published", "menu", "search",
        "issue", "brief", "paper", "transcript", "english", "korean", "version", "language", "press", "release",
    ])

    func author() -> String? {
        let lines = lineStarts()
        guard !lines.isEmpty else { return nil }
        var issuer: String?
        for (number, start) in lines.enumerated() where number < Self.headerLines {
            let end = number + 1 < lines.count ? lines[number + 1] : tokens.count
            if let (name, isPerson) = credit(start, end) {
                if isPerson { return name }
                issuer = issuer ?? name
            }
            if end - start > Self.headerLineLimit {
                if let name = openingName(start, end) { return name }
                issuer = issuer ?? wireAgency(start, end) ?? pressReleaseIssuer(start, end)
                break
            }
            // The first line is the title, not a byline, unless it says `By`.
            if let name = bylineName(start, end, allowsBareName: number > 0) { return name }
            if number > 0, let name = nameWithRole(start, end) { return name }
            issuer = issuer ?? fromLine(start, end) ?? wireAgency(start, end)
        }
        for number in lines.indices.reversed().prefix(8) {
            let start = lines[number]
            let end = number + 1 < lines.count ? lines[number + 1] : tokens.count
            if let name = biographyName(start, end) { return name }
        }
        return issuer
    }

    /// `Interview by Daniel Ruiz.`, `Compiled by the Maritime Security Desk.` opening a line: who made the document,
    /// and whether it is a person.
    private func credit(_ start: Int, _ end: Int) -> (String, isPerson: Bool)? {
        let position = skipBullets(start, end)
        guard position + 2 < end, tokens[position].isCapitalized, text.isWord(position, in: Self.creditWords),
            text.isWord(position + 1, Self.byWord)
        else { return nil }
        let name = position + 2
        if let (person, _) = personName(from: text.titlesEnd(from: name, limit: end), limit: end),
            !mentions.contains(where: { $0.firstToken == name && $0.mention.kind != "person" })
        {
            return (person, true)
        }
        return organisationName(from: name, limit: end).map { ($0, false) }
    }

    private static let creditWords = Lexicon.keys([
        "interview", "interviewed", "compiled", "prepared", "issued", "produced", "written", "reporting", "edited",
        "text", "words", "analysis", "story",
    ])

    /// `Dr. Nadia Ferreira, Senior Fellow, Centre for Economic Security Studies`: a header line holding a name and
    /// the author's role and affiliation, in capitalised words.
    private func nameWithRole(_ start: Int, _ end: Int) -> String? {
        let position = text.titlesEnd(from: skipBullets(start, end), limit: end)
        guard let (name, nameEnd) = personName(from: position, limit: end), nameEnd + 1 < end,
            tokens[nameEnd].isSymbol(","),
            !(position..<nameEnd).contains(where: { text.isWord($0, in: Lexicon.organisationWords) })
        else { return nil }
        for index in nameEnd + 1..<end where tokens[index].kind == .word {
            guard
                tokens[index].isCapitalized || Self.nameConnectors.contains(tokens[index].key)
                    || tokens[index].key == Lexicon.and
            else { return nil }
        }
        return name
    }

    /// `From: Ministry of Defence and …` among the header lines: the body that issues the document.
    private func fromLine(_ start: Int, _ end: Int) -> String? {
        let position = skipBullets(start, end)
        guard position + 2 < end, text.isWord(position, Self.fromWord), tokens[position + 1].isSymbol(":") else {
            return nil
        }
        return organisationName(from: position + 2, limit: end)
    }

    /// The agency of a wire dateline: `SEOUL, March 10 (Yonhap) --`, `MOSCOW, April 9. /TASS/.`
    private func wireAgency(_ start: Int, _ end: Int) -> String? {
        let position = skipBullets(start, end)
        guard position + 3 <= end, text.isCapitals(position) else { return nil }
        for index in position..<min(end - 2, position + 14) {
            let open = tokens[index]
            guard open.isSymbol("(") || open.isSymbol("/"), tokens[index + 1].kind == .word,
                tokens[index + 1].isCapitalized, tokens[index + 2].isSymbol(open.isSymbol("(") ? ")" : "/")
            else { continue }
            return mentions.first { $0.firstToken == index + 1 }?.mention.name
                ?? text.string(tokens: index + 1, index + 1)
        }
        return nil
    }

    /// The organisation that opens a press release: `The Ministry of Defence has today signed …`, `Daehan Precision
    /// Aerospace Co., Ltd., a maker of …, today announced …`, `… Office of Foreign Assets Control (OFAC) today
    /// designated …`.
    private func pressReleaseIssuer(_ start: Int, _ end: Int) -> String? {
        let position = text.afterDateline(from: skipBullets(start, end), limit: end)
        guard position + 2 <= end,
            let today = (position..<min(end - 1, position + 45)).first(where: { text.isWord($0, Self.todayWord) }),
            tokens[today + 1].kind == .word, tokens[today + 1].isLowercase
        else { return nil }
        if today - 3 >= position, tokens[today - 1].isSymbol(")"), tokens[today - 3].isSymbol("("),
            text.isCapitals(today - 2)
        {
            return text.string(tokens: today - 2, today - 2)
        }
        if let known = mentions.first(where: {
            $0.firstToken >= position && $0.firstToken < today && $0.mention.kind == "organisation"
        }) {
            return known.mention.name
        }
        return organisationName(from: position, limit: today)
    }

    /// A run of capitalised words with `of`, `for`, `the`, `on` inside (`Ministry of Defence`), without a leading
    /// `The` or a trailing company form (`Co`, `Ltd`).
    private func organisationName(from start: Int, limit: Int) -> String? {
        var position = start
        if text.isWord(position, Lexicon.the) { position += 1 }
        var last = position - 1
        var index = position
        while index < limit, tokens[index].kind == .word {
            if tokens[index].isCapitalized, !Lexicon.companyForms.contains(tokens[index].key) {
                last = index
            } else if !(Self.nameConnectors.contains(tokens[index].key) && index + 1 < limit
                && tokens[index + 1].kind == .word && tokens[index + 1].isCapitalized)
            {
                break
            }
            index += 1
        }
        guard last >= position, !Self.headerWords.contains(tokens[position].key) else { return nil }
        return text.string(tokens: position, last)
    }

    private func lineStarts() -> [Int] {
        var starts: [Int] = []
        for index in tokens.indices where index == 0 || tokens[index].flags.contains(.lineBefore) {
            starts.append(index)
        }
        return starts
    }

    private func skipBullets(_ start: Int, _ end: Int) -> Int {
        var position = start
        while position < end, tokens[position].kind == .symbol { position += 1 }
        return position
    }

    /// A person-like name of two to four capitalised words (hyphenated parts allowed) from `start`, and its end.
    private func personName(from start: Int, limit: Int) -> (String, Int)? {
        guard start < limit, !text.isWord(start, Lexicon.the), !text.isWord(start, in: Lexicon.articles) else {
            return nil
        }
        var position = start
        var words = 0
        while position < limit, words < 4, tokens[position].kind == .word, tokens[position].isCapitalized {
            let token = tokens[position]
            if Self.headerWords.contains(token.key) || Lexicon.months.contains(token.key) { return nil }
            if mentions.contains(where: {
                $0.firstToken <= position && position < $0.endToken && $0.mention.kind != "person"
            }) {
                return nil
            }
            words += 1
            position += 1
            // `Seung-ho`
            if position + 1 < limit, tokens[position].isSymbol("-"), !tokens[position].hasSpaceBefore,
                tokens[position + 1].kind == .word, !tokens[position + 1].hasSpaceBefore
            {
                position += 2
            }
        }
        guard words >= 2 else { return nil }
        return (text.titleCased(start, position - 1), position)
    }

    /// `By Jane Doe` or a line holding only a name.
    private func bylineName(_ start: Int, _ end: Int, allowsBareName: Bool) -> String? {
        var position = skipBullets(start, end)
        if position < end, tokens[position].kind == .word, tokens[position].key == Self.byWord { position += 1 }
        guard let (name, nameEnd) = personName(from: position, limit: end) else { return nil }
        let isBy = position > start && tokens[position - 1].kind == .word && tokens[position - 1].key == Self.byWord
        return nameEnd == end && allowsBareName || isBy ? name : nil
    }

    /// `Won Gon Park, Chair of …, analyzes …`.
    private func openingName(_ start: Int, _ end: Int) -> String? {
        let position = skipBullets(start, end)
        guard let (name, nameEnd) = personName(from: position, limit: end), nameEnd < end,
            tokens[nameEnd].isSymbol(",")
        else { return nil }
        for index in nameEnd..<min(end, nameEnd + 40) {
            if tokens[index].isSymbol(".") { break }
            if tokens[index].kind == .word, Self.analysisVerbs.contains(tokens[index].key) { return name }
        }
        return nil
    }

    /// `■ Won Gon PARK is the Chair of …`.
    private func biographyName(_ start: Int, _ end: Int) -> String? {
        let position = skipBullets(start, end)
        guard let (name, nameEnd) = personName(from: position, limit: end), nameEnd < end,
            tokens[nameEnd].kind == .word, tokens[nameEnd].key == Self.isWord
        else { return nil }
        return name
    }
}

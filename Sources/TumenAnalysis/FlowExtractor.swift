import Foundation
import TumenProtocol

/// The words that tell who gives what to whom: the data behind `AnalysisResult.flows` (the exchange ledger).
///
/// The bundled lexicon lives in `Resources/flows.json`; a user file of the same format merges over it.
///
/// ## File format
/// ```json
/// {
///   "categories": { "oil": ["oil", "petroleum", "jet fuel", "fertili*"] },
///   "giveVerbs": ["provided", "shipped", "hand over"],
///   "receiveVerbs": ["received", "imported"],
///   "supportNouns": ["support", "aid"],
///   "vetoWords": ["veto", "vetoed"],
///   "demonyms": { "North Korean": "North Korea" },
///   "irrealis": ["not", "could", "if"],
///   "auxiliaries": ["has", "been", "reportedly"],
///   "listStops": ["to", "from", "which"],
///   "amountWords": ["number", "tons"],
///   "determiners": ["the", "a"]
/// }
/// ```
/// - `categories`: keywords of one or two words (a trailing `*` matches any word starting with the rest); the
///   rightmost keyword of what moves — its head noun — gives the category. Items without one are not reported.
/// - `giveVerbs`, `receiveVerbs`: every form, as written. `demonyms` map adjectives to gazetteer names, so that
///   `North Korean workers were sent to Russia` has a giver.
/// - `irrealis`: words that, just before the verb in its clause, make the exchange unreal (negated, hypothetical,
///   intended, alleged): `did not provide`, `could supply`, `if it sends`.
/// - `auxiliaries`: words allowed between a subject and its verb (`Russia has reportedly supplied`).
/// - `listStops`: words that end the list of what moves; `amountWords` mark the amount before `of`
///   (`a small number of air defense systems`); `determiners` are dropped from the front of an item.
///
/// ## Patterns
/// - `A provided/sent/shipped X, Y and Z to B`; `A gave B X`; `A provided B with X`; the participle after a comma
///   (`…, mainly providing X`) takes the sentence's first party as giver.
/// - `X were shipped from A('s port) to B`; `A's workers were sent to B`; `North Korean workers were sent to B`.
/// - `B received/imported X from A`; `the X A provided to B`.
/// - `A's (military) support for/to B`; `A vetoed …`, `A's veto` (diplomatic cover for the party the sentence, or the
///   one before, names).
/// - `X in exchange for Y` inside a flow A → B adds B → A: Y.
/// A missing receiver is the one other country the sentence names, when there is exactly one.
public struct FlowLexicon: Codable, Sendable, Equatable {
    public var categories: [String: [String]]
    public var giveVerbs: [String]
    public var receiveVerbs: [String]
    public var supportNouns: [String]
    public var vetoWords: [String]
    public var demonyms: [String: String]
    public var irrealis: [String]
    public var auxiliaries: [String]
    public var listStops: [String]
    public var amountWords: [String]
    public var determiners: [String]

    public init(
        categories: [String: [String]], giveVerbs: [String], receiveVerbs: [String] = [],
        supportNouns: [String] = [], vetoWords: [String] = [], demonyms: [String: String] = [:],
        irrealis: [String] = [], auxiliaries: [String] = [], listStops: [String] = [], amountWords: [String] = [],
        determiners: [String] = []
    ) {
        self.categories = categories
        self.giveVerbs = giveVerbs
        self.receiveVerbs = receiveVerbs
        self.supportNouns = supportNouns
        self.vetoWords = vetoWords
        self.demonyms = demonyms
        self.irrealis = irrealis
        self.auxiliaries = auxiliaries
        self.listStops = listStops
        self.amountWords = amountWords
        self.determiners = determiners
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] {
            try container.decodeIfPresent([String].self, forKey: key) ?? []
        }
        categories = try container.decodeIfPresent([String: [String]].self, forKey: .categories) ?? [:]
        giveVerbs = try list(.giveVerbs)
        receiveVerbs = try list(.receiveVerbs)
        supportNouns = try list(.supportNouns)
        vetoWords = try list(.vetoWords)
        demonyms = try container.decodeIfPresent([String: String].self, forKey: .demonyms) ?? [:]
        irrealis = try list(.irrealis)
        auxiliaries = try list(.auxiliaries)
        listStops = try list(.listStops)
        amountWords = try list(.amountWords)
        determiners = try list(.determiners)
    }

    /// The lexicon shipped with Tumen (`Resources/flows.json`).
    public static let bundled: FlowLexicon =
        loadBundled("flows") { try load(contentsOf: $0) } ?? FlowLexicon(categories: [:], giveVerbs: [])

    /// Reads a flow lexicon file (see the type's documentation for the format).
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> FlowLexicon {
        try decodeResource(FlowLexicon.self, at: url)
    }

    /// This lexicon with `other`'s words added, list by list and category by category.
    public func merging(_ other: FlowLexicon) -> FlowLexicon {
        func union(_ base: [String], _ new: [String]) -> [String] { base + new.filter { !base.contains($0) } }
        var result = self
        for (category, words) in other.categories {
            result.categories[category] = union(categories[category] ?? [], words)
        }
        result.giveVerbs = union(giveVerbs, other.giveVerbs)
        result.receiveVerbs = union(receiveVerbs, other.receiveVerbs)
        result.supportNouns = union(supportNouns, other.supportNouns)
        result.vetoWords = union(vetoWords, other.vetoWords)
        result.demonyms.merge(other.demonyms) { $1 }
        result.irrealis = union(irrealis, other.irrealis)
        result.auxiliaries = union(auxiliaries, other.auxiliaries)
        result.listStops = union(listStops, other.listStops)
        result.amountWords = union(amountWords, other.amountWords)
        result.determiners = union(determiners, other.determiners)
        return result
    }
}

/// Finds directional exchanges in sentences (see ``FlowLexicon`` for the patterns).
///
/// Works on tokens and the gazetteer's mentions; every lookup is by word key and every scan is bounded by the
/// sentence, so a sentence costs time linear in its length.
struct FlowExtractor: Sendable {
    /// A country or organisation the sentence names, or a demonym standing for one.
    struct Party {
        var first: Int
        var end: Int
        var name: String
        var isCountry: Bool
        var isDemonym: Bool
    }

    /// What one sentence needs from the rest of the analysis.
    struct Context {
        let text: ScannedText
        let sentence: Sentence
        /// Gazetteer mentions inside the sentence.
        let mentions: ArraySlice<(mention: EntityMention, firstToken: Int, endToken: Int)>
        /// Quantities found in the sentence.
        let quantities: ArraySlice<Quantity>
        /// The country named last before this sentence (for a veto whose beneficiary the sentence leaves out).
        let previousCountry: String?
    }

    private enum Direction { case give, receive }

    /// A giver, a receiver and the tokens naming what moves; `category` when the pattern itself tells it.
    private typealias Found = (from: String, to: String, item: Range<Int>, category: String?)

    private let categories: WordPhrases<String>
    private let stems: [(length: Int, key: UInt64, category: String)]
    private let verbs: WordPhrases<Direction>
    private let supportNouns: Set<UInt64>
    private let vetoWords: Set<UInt64>
    private let demonyms: WordPhrases<String>
    private let irrealis: Set<UInt64>
    private let auxiliaries: Set<UInt64>
    private let listStops: Set<UInt64>
    private let amountWords: Set<UInt64>
    private let determiners: Set<UInt64>
    private let beForms = Lexicon.keys(["is", "are", "was", "were", "be", "been", "being"])
    private static let relatives = Lexicon.keys(["which", "that", "who"])
    private let exchange = WordKey.of("exchange")
    private let inWord = WordKey.of("in")
    private let forWord = WordKey.of("for")
    private let withWord = WordKey.of("with")
    private let byWord = WordKey.of("by")
    private let toWords = Lexicon.keys(["to", "toward", "towards", "into"])
    private let possessiveS = WordKey.of("s")
    private let apostropheT = WordKey.of("t")
    private let periodWords = Lexicon.keys(["in", "since", "during", "for"])

    init(_ lexicon: FlowLexicon) {
        var phrases: [(String, String)] = []
        var stems: [(length: Int, key: UInt64, category: String)] = []
        for (category, words) in lexicon.categories.sorted(by: { $0.key < $1.key }) {
            for word in words {
                if word.hasSuffix("*") {
                    let stem = word.dropLast().lowercased()
                    guard !stem.isEmpty else { continue }
                    stems.append((stem.unicodeScalars.count, WordKey.of(stem), category))
                } else {
                    phrases.append((word, category))
                }
            }
        }
        categories = WordPhrases(phrases)
        self.stems = stems
        verbs = WordPhrases(
            lexicon.giveVerbs.map { ($0, Direction.give) } + lexicon.receiveVerbs.map { ($0, Direction.receive) })
        supportNouns = Lexicon.keys(lexicon.supportNouns)
        vetoWords = Lexicon.keys(lexicon.vetoWords)
        demonyms = WordPhrases(lexicon.demonyms.map { ($0.key, $0.value) })
        irrealis = Lexicon.keys(lexicon.irrealis)
        auxiliaries = Lexicon.keys(lexicon.auxiliaries)
        listStops = Lexicon.keys(lexicon.listStops)
        amountWords = Lexicon.keys(lexicon.amountWords)
        determiners = Lexicon.keys(lexicon.determiners)
    }

    /// The flows of one sentence, in order of the words naming what moves. `judge` says who asserts the sentence;
    /// it is asked only when there is a flow without a sourced quantity.
    func flows(_ context: Context, judge: () -> String?) -> [Flow] {
        let tokens = context.text.tokens
        let sentence = context.sentence
        let parties = self.parties(context)
        guard parties.contains(where: { !$0.isDemonym }) || parties.count >= 2 else { return [] }
        var found: [Found] = []
        var index = sentence.firstToken
        while index < sentence.endToken {
            if let (direction, end) = verbs.match(tokens, at: index, limit: sentence.endToken),
                tokens[index].isLowercase
            {
                if !isIrrealis(tokens, before: index, floor: sentence.firstToken) {
                    found += verbFlows(direction, verb: index..<end, parties: parties, context)
                }
                index = end
                continue
            }
            if let party = parties.first(where: { $0.first == index && !$0.isDemonym }) {
                found += supportFlows(after: party, parties: parties, context)
            }
            index += 1
        }
        var flows: [Flow] = []
        for flow in found where flow.from != flow.to {
            if let made = makeFlow(flow, context, judge: judge) {
                flows.append(made)
            }
        }
        return flows
    }

    // MARK: Parties

    private func parties(_ context: Context) -> [Party] {
        let tokens = context.text.tokens
        var result: [Party] = []
        var mentions = context.mentions.makeIterator()
        var nextMention = mentions.next()
        var index = context.sentence.firstToken
        while index < context.sentence.endToken {
            while let mention = nextMention, mention.firstToken < index { nextMention = mentions.next() }
            if let mention = nextMention, mention.firstToken == index {
                let kind = mention.mention.kind
                if kind == "country" || kind == "organisation" {
                    result.append(
                        Party(
                            first: index, end: mention.endToken, name: mention.mention.name,
                            isCountry: kind == "country", isDemonym: false))
                }
                index = max(index + 1, mention.endToken)
                continue
            }
            if tokens[index].isCapitalized,
                let (name, end) = demonyms.match(tokens, at: index, limit: context.sentence.endToken)
            {
                result.append(Party(first: index, end: end, name: name, isCountry: true, isDemonym: true))
                index = end
                continue
            }
            index += 1
        }
        return result
    }

    /// The party ending just before `index`, with only auxiliaries and adverbs between.
    private func subject(before index: Int, parties: [Party], floor: Int, _ text: ScannedText) -> Party? {
        let tokens = text.tokens
        var position = index - 1
        while position >= floor, index - position <= 6 {
            if let party = parties.last(where: { $0.end - 1 == position }), !party.isDemonym { return party }
            let token = tokens[position]
            guard token.kind == .word, auxiliaries.contains(token.key) || isAdverb(token, text.scalars) else {
                return nil
            }
            position -= 1
        }
        return nil
    }

    /// The party starting at `index`, skipping an article.
    private func party(at index: Int, parties: [Party], _ tokens: [Token], limit: Int) -> Party? {
        var position = index
        if position < limit, tokens[position].kind == .word, tokens[position].key == Lexicon.the { position += 1 }
        return parties.first { $0.first == position }
    }

    /// The one country other than `giver` that the sentence names, when there is exactly one.
    private func otherCountry(than giver: String, parties: [Party]) -> String? {
        var other: String?
        for party in parties where party.isCountry && party.name != giver {
            if let other, other != party.name { return nil }
            other = party.name
        }
        return other
    }

    private func isIrrealis(_ tokens: [Token], before index: Int, floor: Int) -> Bool {
        var position = index - 1
        while position >= floor, index - position <= 6 {
            let token = tokens[position]
            if token.kind == .symbol {
                let key = WordPhrases<Int>.key(of: token)
                if key == 0x27, position + 1 < index, tokens[position + 1].key == apostropheT { return true }
                if key != 0x27 { return false }
            } else if irrealis.contains(token.key) {
                return true
            }
            position -= 1
        }
        return false
    }

    // MARK: Patterns

    private func verbFlows(
        _ direction: Direction, verb: Range<Int>, parties: [Party], _ context: Context
    ) -> [Found] {
        let tokens = context.text.tokens
        let sentence = context.sentence
        let limit = sentence.endToken
        var position = verb.lowerBound - 1
        while position >= sentence.firstToken, tokens[position].kind == .word,
            auxiliaries.contains(tokens[position].key) && !beForms.contains(tokens[position].key)
                || isAdverb(tokens[position], context.text.scalars)
        {
            position -= 1
        }
        let isPassive =
            position >= sentence.firstToken && tokens[position].kind == .word && beForms.contains(tokens[position].key)
        let subject = self.subject(before: verb.lowerBound, parties: parties, floor: sentence.firstToken, context.text)

        if isPassive || (subject == nil && startsPrepositionalTail(tokens, at: verb.upperBound, limit: limit)) {
            // `X were shipped from A to B`: X before the verb, A after `from`/`by` or in X itself, B after `to`.
            var itemEnd = isPassive ? position : verb.lowerBound
            while itemEnd > sentence.firstToken, tokens[itemEnd - 1].kind == .word,
                auxiliaries.contains(tokens[itemEnd - 1].key) && !Self.relatives.contains(tokens[itemEnd - 1].key)
            {
                itemEnd -= 1
            }
            guard let item = nounPhrase(endingBefore: itemEnd, floor: sentence.firstToken, context) else { return [] }
            var giver: String?
            var receiver: String?
            var scan = verb.upperBound
            while scan < limit, scan - verb.upperBound < 12, !isClauseBreak(tokens[scan]) {
                let token = tokens[scan]
                if token.kind == .word, token.key == Lexicon.from || token.key == byWord, giver == nil,
                    let party = party(at: scan + 1, parties: parties, tokens, limit: limit)
                {
                    giver = party.name
                } else if token.kind == .word, toWords.contains(token.key), receiver == nil,
                    let party = party(at: scan + 1, parties: parties, tokens, limit: limit)
                {
                    receiver = party.name
                }
                scan += 1
            }
            if direction == .receive { swap(&giver, &receiver) }
            let inItem = parties.first { $0.first >= item.lowerBound && $0.end <= item.upperBound }
            guard let from = giver ?? inItem?.name, let to = receiver else { return [] }
            return [(from, to, item, nil)]
        }

        var giver = subject?.name
        if giver == nil, tokens[verb.lowerBound].end - tokens[verb.lowerBound].start > 3,
            isParticipleAfterComma(tokens, verb: verb.lowerBound, floor: sentence.firstToken)
        {
            giver = parties.first { !$0.isDemonym }?.name
        }
        guard let actor = giver else { return [] }
        var start = verb.upperBound
        var receiver: String?
        if let party = party(at: start, parties: parties, tokens, limit: limit), !party.isDemonym {
            // `gave North Korea X`, `provided Russia with X`.
            receiver = party.name
            start = party.end
            if start < limit, tokens[start].kind == .word, tokens[start].key == withWord { start += 1 }
        }
        var (items, stop) = itemList(from: start, parties: parties, context)
        // The counterpart: after `to` for giving, after `from` for receiving.
        let counterpartWords = direction == .give ? toWords : [Lexicon.from]
        if receiver == nil, stop < limit, tokens[stop].kind == .word, counterpartWords.contains(tokens[stop].key),
            let party = party(at: stop + 1, parties: parties, tokens, limit: limit)
        {
            receiver = party.name
        }
        if items.isEmpty, let subject, receiver != nil,
            let head = nounPhrase(endingBefore: subject.first, floor: sentence.firstToken, context)
        {
            // `the military support North Korea provided to Russia`.
            items = [(head, false)]
        }
        guard let counterpart = receiver ?? otherCountry(than: actor, parties: parties) else { return [] }
        return items.map { item, isReturn in
            // Giving sends the item from the actor; receiving, or a return `in exchange for`, the other way.
            let fromActor = (direction == .give) != isReturn
            return (fromActor ? actor : counterpart, fromActor ? counterpart : actor, item, nil)
        }
    }

    /// `A's support for B`, `A vetoed …`, `A's veto`.
    private func supportFlows(
        after party: Party, parties: [Party], _ context: Context
    ) -> [Found] {
        let tokens = context.text.tokens
        let limit = context.sentence.endToken
        var position = party.end
        let isPossessive =
            position + 1 < limit && WordPhrases<Int>.key(of: tokens[position]) == 0x27
            && tokens[position + 1].key == possessiveS
        if isPossessive { position += 2 }
        var noun: Int?
        var scan = position
        while scan < limit, scan - position < 4, tokens[scan].kind == .word {
            if vetoWords.contains(tokens[scan].key) || isPossessive && supportNouns.contains(tokens[scan].key) {
                noun = scan
                break
            }
            scan += 1
        }
        guard let noun else { return [] }
        let item = (isPossessive ? position : noun)..<(noun + 1)
        if vetoWords.contains(tokens[noun].key) {
            let to =
                otherCountry(than: party.name, parties: parties)
                ?? context.previousCountry.flatMap { $0 == party.name ? nil : $0 }
            return to.map { [(party.name, $0, noun..<(noun + 1), "diplomatic")] } ?? []
        }
        let next = noun + 1
        guard next < limit, tokens[next].kind == .word,
            tokens[next].key == forWord || toWords.contains(tokens[next].key),
            let receiver = self.party(at: next + 1, parties: parties, tokens, limit: limit)
        else { return [] }
        return [(party.name, receiver.name, item, nil)]
    }

    // MARK: Items

    /// The list of items after a verb: split at commas, `and`, `or`; `in exchange for Y` marks a return item.
    /// Returns the items and the token that stopped the list.
    private func itemList(
        from start: Int, parties: [Party], _ context: Context
    ) -> (items: [(Range<Int>, Bool)], stop: Int) {
        let tokens = context.text.tokens
        let limit = context.sentence.endToken
        var items: [(Range<Int>, Bool)] = []
        var itemStart = start
        var isReturn = false
        var index = start
        func close(_ end: Int) {
            var first = itemStart
            while first < end, tokens[first].kind == .word, determiners.contains(tokens[first].key),
                !Lexicon.articles.contains(tokens[first].key)
            {
                first += 1
            }
            if first < end { items.append((first..<end, isReturn)) }
        }
        while index < limit {
            let token = tokens[index]
            if token.kind == .symbol {
                let key = WordPhrases<Int>.key(of: token)
                if key == 0x2C {
                    close(index)
                    itemStart = index + 1
                    isReturn = false
                    index += 1
                    continue
                }
                let isInner = key == 0x2D || key == 0x27 || key == 0x2F || key == 0x25 || key == 0x24
                if !isInner { break }
                index += 1
                continue
            }
            if token.kind == .word {
                if token.key == inWord, index + 2 < limit, tokens[index + 1].key == exchange,
                    tokens[index + 2].key == forWord
                {
                    close(index)
                    itemStart = index + 3
                    isReturn = true
                    index += 3
                    continue
                }
                if token.key == Lexicon.and || token.key == Lexicon.or {
                    close(index)
                    itemStart = index + 1
                    isReturn = false
                    index += 1
                    continue
                }
                if listStops.contains(token.key) && !isQuantityWord(index, context) { break }
                if let party = parties.first(where: { $0.first == index }), !party.isDemonym,
                    !(party.end + 1 < limit && WordPhrases<Int>.key(of: tokens[party.end]) == 0x27)
                {
                    break
                }
            }
            index += 1
        }
        close(index)
        return (items, index)
    }

    /// Whether the token lies inside a quantity (`up to`, `more than` belong to the figure, not the syntax).
    private func isQuantityWord(_ index: Int, _ context: Context) -> Bool {
        let start = context.text.tokens[index].start
        return context.quantities.contains { $0.span.start <= start && start < $0.span.end }
    }

    /// The noun phrase ending just before `end`: words and numbers back to a stop word, extended to the start of a
    /// quantity it overlaps.
    private func nounPhrase(endingBefore end: Int, floor: Int, _ context: Context) -> Range<Int>? {
        let tokens = context.text.tokens
        var first = end
        while first - 1 >= floor, end - first < 8 {
            let token = tokens[first - 1]
            if token.kind == .number || isQuantityWord(first - 1, context) {
                first -= 1
                continue
            }
            if token.kind == .symbol {
                let key = WordPhrases<Int>.key(of: token)
                // `North Korea's Rajin Port`, `KN-23`.
                guard key == 0x27 || key == 0x2D || key == 0x2019 else { break }
                first -= 1
                continue
            }
            if Lexicon.stopWords.contains(token.key) || listStops.contains(token.key) || irrealis.contains(token.key) {
                break
            }
            first -= 1
        }
        while first < end, tokens[first].kind == .word, determiners.contains(tokens[first].key),
            !isQuantityWord(first, context)
        {
            first += 1
        }
        return first < end ? first..<end : nil
    }

    /// A lower-case word ending in `-ly` (`reportedly`, `secretly`).
    private func isAdverb(_ token: Token, _ scalars: [UInt32]) -> Bool {
        token.kind == .word && token.isLowercase && token.end - token.start > 3 && scalars[token.end - 2] == 0x6C
            && scalars[token.end - 1] == 0x79
    }

    private func isClauseBreak(_ token: Token) -> Bool {
        guard token.kind == .symbol else { return false }
        let key = WordPhrases<Int>.key(of: token)
        return key == 0x3B || key == 0x3A || key == 0x2E || key == 0x28 || key == 0x2014
    }

    /// `containers shipped from …`, `workers sent to …`: a participle followed by its source or destination.
    private func startsPrepositionalTail(_ tokens: [Token], at index: Int, limit: Int) -> Bool {
        guard index < limit, tokens[index].kind == .word else { return false }
        return tokens[index].key == Lexicon.from || toWords.contains(tokens[index].key)
    }

    /// `…, mainly providing`: an `-ing` participle opening a clause after a comma.
    private func isParticipleAfterComma(_ tokens: [Token], verb: Int, floor: Int) -> Bool {
        var position = verb - 1
        while position >= floor, verb - position <= 3, tokens[position].kind == .word,
            auxiliaries.contains(tokens[position].key) || determiners.contains(tokens[position].key)
        {
            position -= 1
        }
        return position >= floor && tokens[position].isSymbol(",")
    }

    // MARK: Output

    private func makeFlow(_ found: Found, _ context: Context, judge: () -> String?) -> Flow? {
        let item = found.item
        let text = context.text
        let tokens = text.tokens
        let itemStart = tokens[item.lowerBound].start
        let itemEnd = tokens[item.upperBound - 1].end
        let quantity = context.quantities.first { $0.span.start >= itemStart && $0.span.end <= itemEnd }
        var whatFirst = item.lowerBound
        var quantityText = quantity?.text
        if let quantity {
            while whatFirst < item.upperBound, tokens[whatFirst].start < quantity.span.end { whatFirst += 1 }
        }
        // `a small number of air defense systems`: the amount before `of`.
        if let of = (whatFirst..<item.upperBound).first(where: { tokens[$0].key == Lexicon.of }),
            (whatFirst..<of).contains(where: { amountWords.contains(tokens[$0].key) }) || quantity != nil
        {
            if quantityText == nil { quantityText = text.string(tokens: item.lowerBound, of - 1) }
            whatFirst = of + 1
        } else if whatFirst < item.upperBound, tokens[whatFirst].key == Lexicon.of {
            whatFirst += 1
        }
        if whatFirst >= item.upperBound {
            // The figure covers the item (`more than 20,000 containers`): what moves is the noun after the number.
            whatFirst = item.lowerBound
            if let number = (item).last(where: { tokens[$0].kind == .number }), number + 1 < item.upperBound {
                whatFirst = number + 1
                while whatFirst + 1 < item.upperBound, Lexicon.scales[tokens[whatFirst].key] != nil { whatFirst += 1 }
            }
        }
        while whatFirst + 1 < item.upperBound, determiners.contains(tokens[whatFirst].key) { whatFirst += 1 }
        guard let category = found.category ?? category(of: whatFirst..<item.upperBound, tokens, text.scalars)
        else { return nil }
        let start = tokens[whatFirst].start
        // `about 200 million dollars annually`: what moves is money, not "dollars annually".
        let coveredMoney = quantity.map { $0.span.end >= itemEnd && $0.unit.map(Lexicon.isMoney) == true } ?? false
        return Flow(
            span: TextSpan(start: start, end: itemEnd), from: found.from, to: found.to,
            what: coveredMoney ? category : text.string(start, itemEnd),
            category: category, quantity: quantityText, period: quantity?.period ?? period(context),
            source: quantity?.source ?? judge(),
            sentence: TextSpan(start: context.sentence.start, end: context.sentence.end),
            sentenceText: text.string(context.sentence.start, context.sentence.end))
    }

    /// The category of the rightmost keyword in the range: two-word keywords first, then words, then stems.
    private func category(of range: Range<Int>, _ tokens: [Token], _ scalars: [UInt32]) -> String? {
        var index = range.upperBound - 1
        while index >= range.lowerBound {
            if index > range.lowerBound,
                let (category, end) = categories.match(tokens, at: index - 1, limit: range.upperBound),
                end == index + 1
            {
                return category
            }
            if let (category, end) = categories.match(tokens, at: index, limit: range.upperBound), end == index + 1 {
                return category
            }
            let token = tokens[index]
            if token.kind == .word, !stems.isEmpty {
                var key = WordKey()
                var length = 0
                for position in token.start..<token.end {
                    key.add(scalars[position])
                    length += 1
                    if let stem = stems.first(where: { $0.length == length && $0.key == key.value }) {
                        return stem.category
                    }
                }
            }
            index -= 1
        }
        return nil
    }

    /// `in 2023`, `since 2022`: the first year the sentence dates itself by.
    private func period(_ context: Context) -> String? {
        let tokens = context.text.tokens
        let scalars = context.text.scalars
        var index = context.sentence.firstToken + 1
        while index < context.sentence.endToken {
            defer { index += 1 }
            let token = tokens[index]
            guard token.kind == .number, token.end - token.start == 4, periodWords.contains(tokens[index - 1].key),
                scalars[token.start] == 0x31 || scalars[token.start] == 0x32
            else { continue }
            return context.text.string(token.start, token.end)
        }
        return nil
    }
}

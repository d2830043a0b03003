import Foundation
import TumenProtocol

/// A JSON value that re-encodes exactly what it decoded: integers stay integers, doubles keep every bit.
enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// How an ``AnalysisResult`` is taken apart into rows and put back together.
///
/// Every top-level field of the result that is a list of objects (`quantities`, `entities`, and whatever lists
/// later analyses add: `events`, `estimates`, `flows`, …) becomes one `resultItem` row per element, with the
/// element's `span` in columns of its own; every other field stays in the analysis row's JSON body. A new kind of
/// result therefore needs no change here, and no field is ever dropped.
enum ResultCoding {
    /// One item of a result list, ready for a `resultItem` row.
    struct Item: Equatable {
        var kind: String
        var ordinal: Int
        var span: TextSpan?
        var body: String
    }

    /// The parts of a result: the non-list fields as one JSON object, and the list items.
    struct Parts: Equatable {
        var body: String
        var items: [Item]
    }

    static func split(_ result: AnalysisResult) throws -> Parts {
        let encoder = WireCoding.makeEncoder()
        let value = try WireCoding.makeDecoder().decode(JSONValue.self, from: try encoder.encode(result))
        guard case .object(var fields) = value else {
            throw StoreError(code: .invalidRequest, message: "an analysis result must encode as a JSON object")
        }
        var items: [Item] = []
        for key in fields.keys.sorted() {
            guard case .array(let elements) = fields[key], !elements.isEmpty,
                elements.allSatisfy({ if case .object = $0 { true } else { false } })
            else { continue }
            fields[key] = nil
            for (ordinal, element) in elements.enumerated() {
                let body = String(decoding: try encoder.encode(element), as: UTF8.self)
                items.append(Item(kind: key, ordinal: ordinal, span: span(of: element), body: body))
            }
        }
        let body = String(decoding: try encoder.encode(JSONValue.object(fields)), as: UTF8.self)
        return Parts(body: body, items: items)
    }

    /// Puts a result back together from its body and its items (in any order: they are sorted by ordinal).
    static func join(body: String, items: [Item]) throws -> AnalysisResult {
        let decoder = WireCoding.makeDecoder()
        guard case .object(var fields) = try decoder.decode(JSONValue.self, from: Data(body.utf8)) else {
            throw StoreError(code: .storage, message: "a stored analysis body is not a JSON object")
        }
        let byKind = Dictionary(grouping: items, by: \.kind)
        for (kind, kindItems) in byKind {
            fields[kind] = .array(
                try kindItems.sorted { $0.ordinal < $1.ordinal }.map {
                    try decoder.decode(JSONValue.self, from: Data($0.body.utf8))
                })
        }
        let data = try WireCoding.makeEncoder().encode(JSONValue.object(fields))
        return try decoder.decode(AnalysisResult.self, from: data)
    }

    private static func span(of element: JSONValue) -> TextSpan? {
        guard case .object(let fields) = element, case .object(let span)? = fields["span"],
            case .integer(let start)? = span["start"], case .integer(let end)? = span["end"]
        else { return nil }
        return TextSpan(start: Int(start), end: Int(end))
    }
}

/// What a `job.result` carries, checked and encoded for its rows before the store's transaction begins.
enum ResultPayload: Sendable, CustomStringConvertible {
    /// The result of an `analyze.document` job, taken apart by ``ResultCoding``.
    case analysis(AnalysisResult, ResultCoding.Parts)
    /// The result of a `crosscheck.claims` job, with its contradictions encoded as JSON, in order.
    case crosscheck(CrosscheckResult, [String])

    /// Checks the result and encodes it; throws ``StoreError/Code/invalidRequest`` when it carries no result,
    /// two results, or a crosscheck with a claim of another document or out-of-range numbers.
    init(_ result: JobResult) throws {
        switch (result.result, result.crosscheck) {
        case (let analysis?, nil):
            do {
                self = .analysis(analysis, try ResultCoding.split(analysis))
            } catch {
                throw StoreError(
                    code: .invalidRequest, message: "the result of job \(result.jobId) cannot be encoded: \(error)")
            }
        case (nil, let crosscheck?):
            try Self.check(crosscheck, jobId: result.jobId)
            let encoder = WireCoding.makeEncoder()
            do {
                let contradictions = try crosscheck.contradictions.map {
                    String(decoding: try encoder.encode($0), as: UTF8.self)
                }
                self = .crosscheck(crosscheck, contradictions)
            } catch {
                throw StoreError(
                    code: .invalidRequest, message: "the result of job \(result.jobId) cannot be encoded: \(error)")
            }
        case (nil, nil):
            throw StoreError(
                code: .invalidRequest,
                message: "the result of job \(result.jobId) carries neither an analysis 'result' nor a 'crosscheck'")
        case (.some, .some):
            throw StoreError(
                code: .invalidRequest,
                message: "the result of job \(result.jobId) carries both an analysis 'result' and a 'crosscheck'; "
                    + "a job has one kind of result")
        }
    }

    var description: String {
        switch self {
        case .analysis: "an analysis 'result'"
        case .crosscheck: "a 'crosscheck'"
        }
    }

    private static func check(_ crosscheck: CrosscheckResult, jobId: String) throws {
        func refuse(_ problem: String) -> StoreError {
            StoreError(code: .invalidRequest, message: "the crosscheck result of job \(jobId) \(problem); refused")
        }
        let subject = crosscheck.documentId
        if let contradiction = crosscheck.contradictions.first(where: { $0.claim.documentId != subject }) {
            throw refuse(
                "has a contradiction whose claim is of document \(contradiction.claim.documentId), not of its "
                    + "subject \(subject)")
        }
        for assessment in crosscheck.assessments {
            let claim = "the claim at \(assessment.span.start)..<\(assessment.span.end) of \(assessment.documentId)"
            guard (1...6).contains(assessment.credibility) else {
                throw refuse("gives \(claim) credibility \(assessment.credibility), outside 1...6")
            }
            guard assessment.confirmations >= 0, assessment.contradictions >= 0 else {
                throw refuse("gives \(claim) a negative count of confirmations or contradictions")
            }
            guard assessment.span.start >= 0, assessment.span.start <= assessment.span.end else {
                throw refuse("assesses \(claim), which is not a span")
            }
        }
    }
}

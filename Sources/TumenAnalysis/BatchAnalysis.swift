import TumenProtocol

/// Analyses several documents offline the way the services do: each document on its own, then its claims checked
/// against the claims of the documents before it (``Crosscheck``), as storage's crosscheck jobs would.
public struct BatchAnalysis: Sendable {
    private let analyzer: Analyzer
    private let crosscheck: Crosscheck

    public init(analyzer: Analyzer, crosscheck: Crosscheck) {
        self.analyzer = analyzer
        self.crosscheck = crosscheck
    }

    /// The results of the documents, in order, with contradictions and claim credibility filled in.
    public func analyze(_ documents: [Document]) -> [AnalysisResult] {
        var results = documents.map(analyzer.analyze)
        var earlier: [ClaimReference] = []
        var position: [String: Int] = [:]
        var claimIndex: [String: [TextSpan: Int]] = [:]
        for (index, document) in documents.enumerated() {
            position[document.id] = index
            for (offset, quantity) in results[index].quantities.enumerated() {
                claimIndex[document.id, default: [:]][quantity.span] = offset
            }
            let claims = results[index].quantities.map {
                ClaimReference(documentId: document.id, documentName: document.name, quantity: $0)
            }
            let units = Set(claims.compactMap(\.unit))
            let checked = crosscheck.run(
                ClaimSet(
                    documentId: document.id, contentHash: document.contentHash, subject: claims,
                    candidates: earlier.filter { $0.unit.map(units.contains) ?? false }))
            results[index].contradictions = checked.contradictions
            for assessment in checked.assessments {
                guard let owner = position[assessment.documentId],
                    let claim = claimIndex[assessment.documentId]?[assessment.span]
                else { continue }
                results[owner].quantities[claim].credibility = assessment.credibility
            }
            earlier += claims
        }
        return results
    }
}

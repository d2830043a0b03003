import Foundation

/// The analysis as a user configured it: the bundled gazetteer and source registry, each extended by the user's
/// file when a path is given (the user's entries win), shared by the analyser and the crosscheck.
public struct AnalysisSetup: Sendable {
    public let analyzer: Analyzer
    public let crosscheck: Crosscheck

    public init(extraGazetteer gazetteerPath: String?, extraSources sourcesPath: String?) throws {
        var gazetteer = Gazetteer.bundled
        if let gazetteerPath, !gazetteerPath.isEmpty {
            gazetteer = gazetteer.merging(try Gazetteer.load(contentsOf: URL(fileURLWithPath: gazetteerPath)))
        }
        var sources = SourceRegistry.bundled
        if let sourcesPath, !sourcesPath.isEmpty {
            sources = sources.merging(try SourceRegistry.load(contentsOf: URL(fileURLWithPath: sourcesPath)))
        }
        analyzer = Analyzer(gazetteer: gazetteer, sources: sources)
        crosscheck = Crosscheck(sources: sources)
    }
}

extension Crosscheck {
    /// A crosscheck that treats sources of one independence group in the registry (an outlet relaying an agency's
    /// briefing, a spokesperson and their government) as one source.
    public init(sources: SourceRegistry, lexicon: MeasureLexicon = .bundled) {
        self.init(lexicon: lexicon) { name in sources.entry(for: name)?.originKey ?? name.lowercased() }
    }
}

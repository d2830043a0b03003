import Foundation

extension Analyzer {
    /// The analyser with the bundled gazetteer, extended by the user's gazetteer file when a path is given.
    public static func make(extraGazetteer path: String?) throws -> Analyzer {
        guard let path, !path.isEmpty else { return Analyzer() }
        let extra = try Gazetteer.load(contentsOf: URL(fileURLWithPath: path))
        return Analyzer(gazetteer: Gazetteer.bundled.merging(extra))
    }
}

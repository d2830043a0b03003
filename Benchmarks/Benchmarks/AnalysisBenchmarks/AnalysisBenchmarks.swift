import Benchmark
import BenchmarkCorpus
import TumenAnalysis
import TumenProtocol

/// Words analysed per second of wall clock in one iteration (words are whitespace-separated tokens).
let wordsPerSecond = BenchmarkMetric.custom("Words per second", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let corpus = BenchmarkCorpus.load()
    let analyzer = Analyzer()
    let batch = BatchAnalysis(analyzer: analyzer, crosscheck: Crosscheck())

    // One iteration analyses the whole corpus (~24,000 words): the "Speed" target of issue 4 is under 0.1 s,
    // i.e. at least 300,000 words per second on one core.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .cpuTotal, .mallocCountTotal, .peakMemoryResident, wordsPerSecond],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 30
    )

    // Each document on its own, as an analysis worker does for an analyze.document job.
    Benchmark("Analyzer.analyze, whole corpus") { benchmark in
        let start = ContinuousClock.now
        for document in corpus.documents {
            blackHole(analyzer.analyze(document))
        }
        benchmark.measurement(wordsPerSecond, rate(corpus.wordCount, since: start))
    }

    // Hostile input: one 10 MB line without sentence breaks, mixed scripts and figures; the time per word must stay
    // that of ordinary text (linear time), whatever the length.
    let line = String(repeating: "about 5 ships and 한국어 русский in June 2024, ", count: 220_000)
    let lineWords = line.split(whereSeparator: \.isWhitespace).count
    let lineDocument = Document(
        id: "doc-long-line", name: "long-line.txt", contentHash: "long-line", text: line, mediaType: "text/plain",
        provenance: Provenance())
    Benchmark(
        "Analyzer.analyze, one 10 MB line",
        configuration: .init(maxDuration: .seconds(20), maxIterations: 3)
    ) { benchmark in
        let start = ContinuousClock.now
        blackHole(analyzer.analyze(lineDocument))
        benchmark.measurement(wordsPerSecond, rate(lineWords, since: start))
    }

    // Analysis plus the crosscheck of each document's claims against the documents before it, as `tumen analyze`.
    Benchmark("BatchAnalysis.analyze, whole corpus") { benchmark in
        let start = ContinuousClock.now
        blackHole(batch.analyze(corpus.documents))
        benchmark.measurement(wordsPerSecond, rate(corpus.wordCount, since: start))
    }
}

/// Items per second since `start`.
private func rate(_ items: Int, since start: ContinuousClock.Instant) -> Int {
    let elapsed = (ContinuousClock.now - start).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    return seconds > 0 ? Int(Double(items) / seconds) : 0
}

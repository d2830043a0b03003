import Benchmark
import BenchmarkCorpus
import Foundation
import TumenAnalysis
import TumenProtocol

/// Size of the encoded envelope, so a change in the numbers can be told from a change in the message.
let messageBytes = BenchmarkMetric.custom("Message bytes", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    // A realistic job.result: the analysis of the corpus's first document (a seed report when the shared corpus is
    // there), crosschecked as `tumen analyze` does, so it carries quantities, entities, events and the rest.
    let corpus = BenchmarkCorpus.load()
    let analyzer = Analyzer()
    let result = BatchAnalysis(analyzer: analyzer, crosscheck: Crosscheck()).analyze([corpus.documents[0]])[0]
    let envelope = Envelope(
        id: "2f0c6a52-4d0e-4c84-9a8e-5d3b7e0f1a21", ts: Date(timeIntervalSince1970: 1_730_000_000),
        payload: JobResult(
            jobId: "job-0001", workerId: "analysis-1", contentHash: corpus.documents[0].contentHash, result: result))
    let frame: Data
    do {
        frame = try WireCoding.encode(envelope)
        guard try WireCoding.decode(JobResult.self, from: frame) == envelope else {
            fatalError("job.result did not survive an encode/decode round trip")
        }
    } catch {
        fatalError("job.result could not be encoded and decoded: \(error)")
    }

    // Throughput is messages per second (one message per iteration).
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, messageBytes],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )

    Benchmark("job.result encode") { benchmark in
        let data = try WireCoding.encode(envelope)
        blackHole(data)
        benchmark.measurement(messageBytes, data.count)
    }

    Benchmark("job.result decode") { benchmark in
        blackHole(try WireCoding.decode(JobResult.self, from: frame))
        benchmark.measurement(messageBytes, frame.count)
    }
}

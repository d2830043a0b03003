// libFuzzer target for the envelope and message decoders: any bytes must decode or fail with a DecodingFailure,
// never crash, hang or overflow the stack. Run with `scripts/fuzz.sh EnvelopeFuzzer SECONDS`.
import Foundation
import TumenProtocol

/// Decodes `data` as every message type; the results are discarded, only crashes matter.
func decodeEveryType(_ data: Data) {
    _ = try? WireCoding.decodeHeader(data)
    _ = try? WireCoding.decode(DocumentSubmit.self, from: data)
    _ = try? WireCoding.decode(DocumentAccepted.self, from: data)
    _ = try? WireCoding.decode(DocumentRejected.self, from: data)
    _ = try? WireCoding.decode(DocumentStore.self, from: data)
    _ = try? WireCoding.decode(DocumentStored.self, from: data)
    _ = try? WireCoding.decode(StatusQuery.self, from: data)
    _ = try? WireCoding.decode(StatusReport.self, from: data)
    _ = try? WireCoding.decode(DigestQuery.self, from: data)
    _ = try? WireCoding.decode(DigestMaterial.self, from: data)
    _ = try? WireCoding.decode(DigestRecord.self, from: data)
    _ = try? WireCoding.decode(DigestRecorded.self, from: data)
    _ = try? WireCoding.decode(DigestPublished.self, from: data)
    _ = try? WireCoding.decode(DigestNow.self, from: data)
    _ = try? WireCoding.decode(DigestMade.self, from: data)
    _ = try? WireCoding.decode(DigestReplay.self, from: data)
    _ = try? WireCoding.decode(DigestReplayed.self, from: data)
    _ = try? WireCoding.decode(DeadLetterRecord.self, from: data)
    _ = try? WireCoding.decode(DeadLetterRecorded.self, from: data)
    _ = try? WireCoding.decode(DeadLetterQuery.self, from: data)
    _ = try? WireCoding.decode(DeadLetterList.self, from: data)
    _ = try? WireCoding.decode(WorkerReady.self, from: data)
    _ = try? WireCoding.decode(JobAssign.self, from: data)
    _ = try? WireCoding.decode(JobResult.self, from: data)
    _ = try? WireCoding.decode(JobFailed.self, from: data)
    _ = try? WireCoding.decode(JobHeartbeat.self, from: data)
    _ = try? WireCoding.decode(JobAck.self, from: data)
    _ = try? WireCoding.decode(SystemHealth.self, from: data)
    _ = try? WireCoding.decode(Busy.self, from: data)
    _ = try? WireCoding.decode(ErrorReply.self, from: data)
    if let text = String(data: data, encoding: .utf8) { _ = Timestamp.parse(text) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvelope(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    decodeEveryType(Data(bytes: bytes, count: count))
    return 0
}

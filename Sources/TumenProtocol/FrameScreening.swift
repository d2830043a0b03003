import Foundation

/// A cheap byte scan of a frame before it is decoded: refuses JSON nested too deep, objects with a repeated key and
/// trailing commas.
///
/// Foundation's `JSONDecoder` already refuses nesting deeper than 512 levels without overflowing the stack, but
/// its message ("not valid JSON") does not say why; the scan names the problem. Repeated keys are valid JSON, but
/// readers disagree on them (Swift keeps the first value, Python the last), and Swift accepts a comma before a
/// closing bracket that Python refuses; a frame that two readers could see differently is refused everywhere
/// instead. The scan is one pass over the bytes with no allocation per value; it leaves every other syntax problem
/// to the decoder.
public enum FrameScreening {
    /// The deepest nesting of objects and arrays a frame may have; Tumen's own messages stay below 16.
    public static let maxDepth = 128

    /// Why the frame must be refused before decoding, or nil when the decoder may read it.
    public static func problem(in data: Data) -> String? {
        data.withUnsafeBytes { buffer in problem(in: buffer.bindMemory(to: UInt8.self)) }
    }

    private struct Level {
        /// Nil for an array; the keys seen so far for an object.
        var keys: Set<Data>?
        var expectsKey: Bool
        var path: String
    }

    private static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var levels: [Level] = []
        var lastKey = ""
        var index = 0
        /// The last byte outside strings that is not white space.
        var previous: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            let before = previous
            if byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 { previous = byte }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard levels.count < maxDepth else {
                    return "JSON nested deeper than \(maxDepth) levels"
                }
                let parent = levels.last?.path ?? ""
                let path = levels.last?.keys == nil ? parent : (parent.isEmpty ? lastKey : parent + "." + lastKey)
                let isObject = byte == UInt8(ascii: "{")
                levels.append(Level(keys: isObject ? [] : nil, expectsKey: isObject, path: path))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard before != UInt8(ascii: ",") else {
                    return "a comma before '\(Character(UnicodeScalar(byte)))'"
                }
                if !levels.isEmpty { levels.removeLast() }
                index += 1
            case UInt8(ascii: ","):
                if let last = levels.indices.last, levels[last].keys != nil { levels[last].expectsKey = true }
                index += 1
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                var escaped = false
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        escaped = true
                        index += 1
                    }
                    index += 1
                }
                index += 1
                guard let last = levels.indices.last, levels[last].expectsKey else { continue }
                levels[last].expectsKey = false
                let literal = Data(UnsafeBufferPointer(rebasing: bytes[start..<min(index, bytes.count)]))
                let key = escaped ? unescaped(literal) : literal.dropFirst().dropLast()
                guard levels[last].keys?.insert(Data(key)).inserted == true else {
                    let name = String(decoding: key, as: UTF8.self)
                    let at = levels[last].path.isEmpty ? "the envelope" : "'\(levels[last].path)'"
                    return "the key '\(name)' appears twice in \(at); Tumen refuses repeated keys"
                }
                lastKey = String(decoding: key.prefix(64), as: UTF8.self)
            default:
                index += 1
            }
        }
        return nil
    }

    /// The bytes of a key written with escapes (`"\u0069d"` is `id`); the literal itself when it does not decode.
    private static func unescaped(_ literal: Data) -> Data {
        (try? JSONDecoder().decode(String.self, from: literal)).map { Data($0.utf8) } ?? literal
    }
}

import Foundation
import Testing
import TumenProtocol

@testable import TumenIngest

struct DocumentIntakeTests {
    let intake = DocumentIntake(configuration: .init(maxDocumentBytes: 1000))
    let now = Date(timeIntervalSince1970: 1_764_000_000)

    func submit(_ bytes: [UInt8], name: String = "report.txt") -> DocumentSubmit {
        DocumentSubmit(name: name, contentBase64: Data(bytes).base64EncodedString())
    }

    func rejection(_ submit: DocumentSubmit) -> IntakeRejection? {
        do {
            _ = try intake.document(from: submit, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func sameTextWithDifferentLineEndingsGetsTheSameHashAndId() throws {
        let unix = try intake.document(from: DocumentSubmit(name: "a.txt", text: "Line one.\nLine two.\n"), now: now)
        let windows = try intake.document(
            from: DocumentSubmit(name: "b.txt", text: "\u{FEFF}Line one.\r\nLine two.\r\n"), now: now)
        #expect(unix.contentHash == windows.contentHash)
        #expect(unix.id == windows.id)
        #expect(windows.text == "Line one.\nLine two.\n")
    }

    @Test func decomposedAccentsAreNormalisedToComposedForm() throws {
        let document = try intake.document(from: DocumentSubmit(name: "a.txt", text: "vis-a\u{0300}-vis"), now: now)
        #expect(document.text == "vis-\u{00E0}-vis")
    }

    @Test func anEmptyOrBlankDocumentIsRejectedNamingTheFile() {
        let empty = rejection(submit([], name: "empty.txt"))
        #expect(empty?.code == .empty)
        #expect(empty?.reason.hasPrefix("empty.txt:") == true)
        #expect(rejection(submit(Array("  \n\t \n".utf8)))?.code == .empty)
    }

    @Test func aBinaryFileIsRejectedWithTheOffendingByte() {
        let rejected = rejection(submit([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], name: "image.png"))
        #expect(rejected?.code == .binary)
        #expect(rejected?.reason.contains("image.png") == true)
    }

    @Test func nonUTF8TextIsRejectedWithTheOffsetOfTheFirstBadByte() {
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" au lait".utf8)
        let rejected = rejection(submit(latin1, name: "latin1.txt"))
        #expect(rejected?.code == .notUTF8)
        #expect(rejected?.reason.contains("offset 3") == true)
    }

    @Test func aDocumentOverTheSizeLimitIsRejectedWithTheLimit() {
        let rejected = rejection(submit(Array(repeating: 0x61, count: 1001), name: "big.txt"))
        #expect(rejected?.code == .tooLarge)
        #expect(rejected?.reason.contains("1000") == true)
    }

    @Test func anUnsupportedMediaTypeIsRejected() {
        let submit = DocumentSubmit(name: "a.pdf", text: "text", mediaType: "application/pdf")
        #expect(rejection(submit)?.code == .unsupportedType)
    }

    @Test func aRequestWithoutContentIsRejectedAsInvalid() {
        #expect(rejection(DocumentSubmit(name: "nothing.txt"))?.code == .invalidRequest)
    }

    @Test func theDocumentDateIsFoundInTheOpeningText() throws {
        let text = "Commentary\nMay 13, 2025\nSeung-ho Jung\n\nBody text about 2023."
        let document = try intake.document(from: DocumentSubmit(name: "a.md", text: text), now: now)
        #expect(document.documentDate == "2025-05-13")
        #expect(document.mediaType == "text/markdown")
        #expect(document.title == "Commentary")
        #expect(DocumentDates.firstDate(in: "Today's date is 26 November 2025.") == "2025-11-26")
        #expect(DocumentDates.firstDate(in: "Filed 2024-06-19 in Seoul") == "2024-06-19")
        #expect(DocumentDates.firstDate(in: "No date here, only 2023.") == nil)
        #expect(DocumentDates.firstDate(in: "By Jane Doe | Tue 4 Mar 2025 09.00 GMT") == "2025-03-04")
        #expect(DocumentDates.firstDate(in: "Updated Sept. 30th, 2024, 9:02 a.m. ET") == "2024-09-30")
        #expect(DocumentDates.firstDate(in: "Posted 2025/01/07") == "2025-01-07")
        #expect(DocumentDates.firstDate(in: "Officials may 4 times a year…") == nil)
        #expect(
            DocumentDates.firstDate(
                in: "Missiles fired\n\nSEOUL, March 10 (Yonhap) -- The 2025 budget, up from 2024, funds 2025 drills.")
                == "2025-03-10")
        #expect(
            DocumentDates.firstDate(
                in:
                    "ANKARA, March 20 (Reuters) - Returns rose in 2024 and 2025; a million may return by the end of 2026."
            )
                == "2025-03-20", "a deadline year is after the dateline")
    }

    @Test func sha256MatchesTheStandardTestVectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

import Foundation
import TestSupport
import Testing

/// derive starts in about twice the time of a trivial Swift program because it links no Foundation: the C
/// library gives the mathematics and the system calls, and the standard library the text. Linking
/// Foundation statically would add its start-up (about 1 ms) and several thousand protocol conformances
/// that the runtime scans on the first use of each generic type. This keeps the sources free of it.
@Suite struct FoundationFreeTests {
    @Test func noSourceFileImportsFoundation() throws {
        let sources = SourceTree.path("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var checked = 0
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import Foundation") || $0.hasPrefix("@_exported import Foundation") }
            #expect(imports.isEmpty, "\(file.lastPathComponent) imports Foundation")
            checked += 1
        }
        #expect(checked > 100)
    }
}

import Foundation
import Testing

/// Golden-file comparison: the text a test produces against a file committed in the source tree.
///
/// `RECORD_SNAPSHOTS=1 swift test` writes every compared file anew and then fails on purpose,
/// so a re-record is always looked at (`git diff`) before it is committed.
public enum Snapshot {
    /// Whether this run re-records golden files instead of comparing them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the file at `path`, or writes it when recording.
    public static func expect(_ actual: String, matches path: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = try? String(contentsOf: path, encoding: .utf8)
        if isRecording {
            if expected != actual {
                do {
                    try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try actual.write(to: path, atomically: true, encoding: .utf8)
                } catch {
                    Issue.record("Could not record \(path.path): \(error)", sourceLocation: sourceLocation)
                    return
                }
                Issue.record("Recorded \(path.path); review it with `git diff`, then run `swift test` without RECORD_SNAPSHOTS.",
                             sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected else {
            Issue.record("Missing golden file \(path.path); create it with `RECORD_SNAPSHOTS=1 swift test`.", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let diff = lineDiff(expected: expected, actual: actual)
            Issue.record("\(path.lastPathComponent) differs (re-record with `RECORD_SNAPSHOTS=1 swift test` and review the diff):\n\(diff)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The first differing lines of two texts, numbered, as `-expected` / `+actual`.
    public static func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) where lines.count < limit {
            let before = index < old.count ? String(old[index]) : nil
            let after = index < new.count ? String(new[index]) : nil
            if before != after {
                lines.append("line \(index + 1):")
                if let before { lines.append("-\(before)") }
                if let after { lines.append("+\(after)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Paths in the package's source tree.
public enum SourceTree {
    /// The package's root directory.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path relative to the package root.
    public static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

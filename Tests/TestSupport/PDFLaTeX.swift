import Foundation
import Testing

/// Compiles LaTeX with the real `pdflatex`, as a handout's reader would.
public enum PDFLaTeX {
    /// The outcome of one compilation.
    public struct Result: Sendable {
        /// pdflatex's exit status.
        public let status: Int32
        /// The compilation log.
        public let log: String
        /// Whether a PDF was produced.
        public let producedPDF: Bool

        /// The `! ...` error lines of the log.
        public var errors: [String] { log.split(separator: "\n").filter { $0.hasPrefix("!") }.map(String.init) }

        /// The widths in points of every overfull box reported in the log.
        public var overfullWidths: [Double] {
            log.split(separator: "\n").compactMap { line -> Double? in
                guard line.hasPrefix("Overfull"), let open = line.firstIndex(of: "("), let end = line.range(of: "pt too") else { return nil }
                return Double(line[line.index(after: open)..<end.lowerBound])
            }
        }
    }

    /// The pdflatex executable on PATH, or `nil`.
    public static var executable: URL? { ExternalTool.find("pdflatex")?.url }

    /// pdflatex, or `nil` after recording a failure when it must be there: in CI (`CI=true`) a missing
    /// pdflatex fails the test instead of skipping it.
    public static func required(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        ExternalTool.required("pdflatex", sourceLocation: sourceLocation)?.url
    }

    /// Compiles `source` in a fresh temporary directory.
    public static func compile(_ source: String, with pdflatex: URL) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("derive-latex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try source.write(to: directory.appendingPathComponent("handout.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = pdflatex
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "handout.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: directory.appendingPathComponent("handout.log"), encoding: .isoLatin1)) ?? ""
        let pdf = FileManager.default.fileExists(atPath: directory.appendingPathComponent("handout.pdf").path)
        return Result(status: process.terminationStatus, log: log, producedPDF: pdf)
    }
}

import Foundation
import TestSupport
import Testing

/// Every Markdown handout of the `output/` gallery renders where a reader opens it: pandoc converts it to
/// HTML without a warning and to PDF with its default LaTeX template, and it keeps GitHub's rules for
/// dollar math. In CI (`CI=true`) a missing pandoc fails the tests instead of skipping them.
@Suite struct MarkdownRenderingTests {
    /// The Markdown files of the gallery.
    static let files = markdownFiles(in: "output")
    /// The gallery and the Markdown golden files, every notation and kind of handout, relative to the package root.
    static let allFiles = files.map { "output/" + $0 } + markdownFiles(in: "Tests/BackpropRenderingTests/Snapshots").map {
        "Tests/BackpropRenderingTests/Snapshots/" + $0
    }

    private static func markdownFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SourceTree.path(directory).path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func galleryHasMarkdownHandouts() {
        #expect(Self.files.count >= 6)
        #expect(Self.allFiles.count > Self.files.count)
    }

    @Test(arguments: allFiles)
    func convertsToHTMLWithoutWarnings(_ file: String) throws {
        guard let pandoc = ExternalTool.required("pandoc") else { return }
        let result = try pandoc.run([SourceTree.path(file).path, "--from", "markdown", "--to", "html",
                                     "--mathjax", "--wrap=none", "--fail-if-warnings"])
        #expect(result.status == 0, "\(result.stderr)")
        let strays = Self.textOutsideMath(ofHTML: result.stdout).filter { $0.contains("$") || $0.contains("\\") }
        #expect(strays.isEmpty, "math pandoc left as text: \(strays.prefix(3))")
    }

    @Test(arguments: files)
    func convertsToPDFWithTheDefaultTemplate(_ file: String) throws {
        guard let pandoc = ExternalTool.required("pandoc"), PDFLaTeX.required() != nil else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("derive-pandoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("handout.pdf").path
        let result = try pandoc.run([SourceTree.path("output/" + file).path, "--resource-path", SourceTree.path("output").path,
                                     "--pdf-engine", "pdflatex", "-o", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf))
    }

    @Test(arguments: allFiles)
    func keepsGitHubsMathRules(_ file: String) throws {
        let text = try String(contentsOf: SourceTree.path(file), encoding: .utf8)
        #expect(Self.mathRuleViolations(in: text) == [])
    }

    @Test func findsViolationsOfTheMathRules() {
        let text = """
        # Forward propagation through oₙ₋₁,₁
        The product ⊙ and $\\max \\vert x\\vert $ and $ y$ and $z$.
        $$
        \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}
        $$
        """
        #expect(Self.mathRuleViolations(in: text) == [
            "a heading with Unicode sub- or superscripts: # Forward propagation through oₙ₋₁,₁",
            "⊙ outside math: The product ⊙ and $\\max \\vert x\\vert $ and $ y$ and $z$.",
            "a space inside $…$: $\\max \\vert x\\vert $",
            "a space inside $…$: $ y$",
            "several matrix rows on one line: \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}",
        ])
    }

    // MARK: - Checks

    /// The breaches of GitHub's dollar-math rules: a space just inside `$…$`, a heading set with Unicode
    /// sub- or superscripts instead of math, ⊙ outside math, and a `bmatrix` with rows joined mid-line.
    static func mathRuleViolations(in markdown: String) -> [String] {
        var violations: [String] = []
        var inDisplayMath = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "$$" {
                inDisplayMath.toggle()
                continue
            }
            if inDisplayMath {
                if line.contains("\\begin{bmatrix}") && line.contains("\\\\ ") { violations.append("several matrix rows on one line: " + line) }
                continue
            }
            let prose = withoutCodeSpans(line)
            let pieces = prose.split(separator: "$", omittingEmptySubsequences: false)
            if line.hasPrefix("#") && line.unicodeScalars.contains(where: { Self.scripts.contains($0) }) {
                violations.append("a heading with Unicode sub- or superscripts: " + line)
            }
            if pieces.enumerated().contains(where: { $0.offset % 2 == 0 && $0.element.contains("⊙") }) {
                violations.append("⊙ outside math: " + line)
            }
            for (index, math) in pieces.enumerated() where index % 2 == 1 {
                if math.first?.isWhitespace == true || math.last?.isWhitespace == true {
                    violations.append("a space inside $…$: $" + math + "$")
                }
            }
        }
        return violations
    }

    /// Unicode subscript and superscript letters, digits and signs.
    private static let scripts: Set<Unicode.Scalar> = {
        var scalars = Set("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿ₊₋₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ".unicodeScalars)
        for value in 0x2080...0x2089 { if let scalar = Unicode.Scalar(value) { scalars.insert(scalar) } }
        return scalars
    }()

    /// The line with its code spans removed.
    private static func withoutCodeSpans(_ line: String) -> String {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }
            .map(\.element).joined()
    }

    /// The text of an HTML fragment outside tags, code and pandoc's math spans.
    static func textOutsideMath(ofHTML html: String) -> [String] {
        var texts: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<span class=\"math") {
            texts.append(contentsOf: textOutsideTags(rest[..<open.lowerBound]))
            guard let close = rest[open.upperBound...].range(of: "</span>") else { return texts }
            rest = rest[close.upperBound...]
        }
        texts.append(contentsOf: textOutsideTags(rest))
        return texts
    }

    private static func textOutsideTags(_ html: Substring) -> [String] {
        var withoutCode = String(html)
        while let open = withoutCode.range(of: "<code>"), let close = withoutCode[open.upperBound...].range(of: "</code>") {
            withoutCode.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return withoutCode.split(separator: "<").compactMap { piece in
            piece.split(separator: ">", maxSplits: 1).dropFirst().first.map(String.init)
        }.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}

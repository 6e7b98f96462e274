import BackpropKit
import BackpropRendering
@testable import DeriveCLI
import Foundation
import TestSupport
import Testing

/// The input-side defects of issue 12, each reproduced: the network reader, input files, titles in every
/// format, the size guard and the nesting limit. The rejections among them are in ``BadInputTests``.
@Suite struct HostileInputTests {
    static let smallNetwork = #"{"input": [0.5], "target": [1], "layers": [{"weights": [[0.25]]}]}"#

    // MARK: - The network reader

    @Test(arguments: [1, 511, 512, 513, 514, 100_000])
    func deeplyNestedNetworkFilesAreRefusedWithoutACrash(_ depth: Int) {
        let text = #"{"input":"# + String(repeating: "[", count: depth)
        #expect(throws: NetworkError.self) { try NetworkFile.decode(Array(text.utf8)) }
        let unknown = #"{"other":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(throws: NetworkError.invalid(path: "input", reason: "missing (line 1, column 1)")) { try NetworkFile.decode(Array(unknown.utf8)) }
    }

    @Test func numbersTooSmallForADoubleReadAsZero() throws {
        let file = try NetworkFile.decode(Array(#"{"input": [1e-400, -2.5E+2, 0], "target": [1], "layers": [{"weights": [[1],[1],[1]]}]}"#.utf8))
        #expect(file.input == [0, -250, 0])
    }

    @Test(arguments: [
        ("[1,]", "expected a value but found ']' at line 1, column 75"),
        (#"{"a": 1,}"#, "expected a member name in '\"' but found '}'"),
        ("01", "a number cannot start with 0 followed by a digit"),
        ("1.", "expected a digit after the decimal point"),
        ("NaN", "expected a value but found 'N'"),
        (#""a\qb""#, "'\\q' is not an escape"),
        ("\"a\u{01}\"", "a control character (byte 0x01) must be escaped"),
        (#""\ud800""#, "the escape of a high surrogate is not followed by a low surrogate"),
    ])
    func strictJSONIsRequired(_ value: String, _ problem: String) {
        let text = #"{"input": [1], "target": [1], "layers": [{"weights": [[1]]}], "extra": "# + value + "}"
        do {
            _ = try NetworkFile.decode(Array(text.utf8))
            Issue.record("accepted \(value)")
        } catch {
            #expect(error.description.hasPrefix("$: not valid JSON: "), "\(error)")
            #expect(error.description.contains(problem), "\(error)")
        }
    }

    @Test func errorsNameTheLineAndColumn() {
        let text = "{\n  \"input\": [1],\n  \"target\": [1],\n  \"layers\": [{\"weights\": [[\"x\"]]}]\n}"
        #expect(throws: NetworkError.invalid(path: "layers[0].weights[0][0]", reason: "expected a number, found a string (line 4, column 28)")) {
            try NetworkFile.decode(Array(text.utf8))
        }
        #expect(throws: NetworkError.invalid(path: "$", reason: "the name 'input' is given twice (line 1, column 16)")) {
            try NetworkFile.decode(Array(#"{"input": [1], "input": [2]}"#.utf8))
        }
    }

    // MARK: - Input files

    @Test func aNetworkIsReadFromAPipeAndStandardInput() throws {
        let binary = try #require(DeriveExecutable.url)
        for path in ["/dev/stdin", "/proc/self/fd/0"] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["--network", path, "--format", "json"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data(Self.smallNetwork.utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(path)")
            #expect(String(decoding: data, as: UTF8.self).contains("\"loss\""), "\(path)")
        }
    }

    @Test func unreadableFilesGiveTheirReason() throws {
        #expect(InputFile.reason(.system(ENOENT)) == "no such file")
        #expect(InputFile.reason(.system(EACCES)) == "permission denied")
        #expect(InputFile.reason(.system(EISDIR)) == "it is a directory")
        let directory = try TemporaryDirectory()
        #expect(deriveInProcess(["--network", directory.path("missing.json")]).errorLines.first?.hasSuffix("no such file") == true)
        #expect(deriveInProcess(["--network", directory.url.path]).errorLines.first?.hasSuffix("it is a directory") == true)
        let locked = try directory.write(Self.smallNetwork, to: "locked.json")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
        if getuid() != 0 {
            let run = deriveInProcess(["--network", locked])
            #expect(run.code == .noInput)
            #expect(run.errorLines.first?.hasSuffix("permission denied") == true, "\(run.stderr)")
        }
        let binary = try directory.write("", to: "latin1.tex")
        try Data([0x7B, 0x7B, 0x62, 0x6F, 0x64, 0x79, 0x7D, 0x7D, 0xE9]).write(to: URL(fileURLWithPath: binary))
        #expect(deriveInProcess(["--template", binary]).errorLines.first?.hasSuffix("it is not UTF-8 text") == true)
    }

    // MARK: - Echoed input

    @Test func errorLinesEchoAtMost200CharactersWithControlsVisible() {
        let run = deriveInProcess(["--layers", String(repeating: "7", count: 100_000) + "x"])
        let first = run.errorLines.first ?? ""
        #expect(first.count < 400, "\(first.prefix(300))")
        #expect(first.contains(String(repeating: "7", count: 200) + "…'"))
        let controls = deriveInProcess(["--layers", "1\n2\r\u{1B}[31m"])
        #expect(controls.errorLines.first == "Error: The value '1\\n2\\r\\u{1B}[31m' is invalid for '--layers <n>': expected a positive integer")
        #expect(!controls.stderr.contains("\u{1B}") && !controls.stderr.contains("\r"))
        let expression = deriveInProcess(["--expr", "a+\u{1B}b", "--at", "a=1"])
        #expect(!expression.stderr.contains("\u{1B}"), "\(expression.stderr)")
    }

    // MARK: - Nesting

    @Test func exactlyTheLimitOfNestedOperationsIsDerived() {
        let depth = ExpressionParser.maximumDepth
        let run = deriveInProcess(["--expr=" + String(repeating: "-", count: depth) + "a", "--at", "a=1", "--format", "text"])
        #expect(run.code == .success, "\(run.stderr)")
        let beyond = deriveInProcess(["--expr=" + String(repeating: "-", count: depth + 1) + "a", "--at", "a=1"])
        #expect(beyond.errorLines == ["Error: the expression nests operations more than \(depth) deep at column 1"])
    }

    // MARK: - Titles and authors

    static let hostileTitle = "Title ` `` with\n\n<script>alert(1)</script> *x* & [a](b) \u{1B}[31m ≠ αβ"

    @Test func markdownTitlesAndAuthorsCannotBreakOut() {
        let run = deriveInProcess(["--layers", "1", "--format", "markdown", "--title", Self.hostileTitle, "--author", "A`\n\nB <img onerror=x>"])
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == #"# Title \` \`\` with \<script\>alert(1)\</script\> \*x\* \& \[a\](b) \[31m ≠ αβ"#)
        #expect(lines.dropFirst(2).first == #"*A\` B \<img onerror=x\>*"#)
        let regenerate = lines.first { $0.contains("Regenerate the handout with") } ?? ""
        let prose = lines.filter { $0 != regenerate }.joined(separator: "\n")
        #expect(!prose.replacingOccurrences(of: "\\<", with: "").contains("<") && !run.stdout.contains("\u{1B}"), "\(prose)")
        #expect(regenerate.contains(#"$'Title ` `` with\n\n<script>"#), "\(regenerate)")
        #expect(regenerate.contains("```derive"), "fenced by more backticks than the command holds: \(regenerate)")
    }

    @Test func textTitlesStayOneLine() {
        let run = deriveInProcess(["--layers", "1", "--format", "text", "--title", "a\n\nb\u{1B}c"])
        #expect(run.stdout.hasPrefix("a b c\n═════\n"), "\(run.stdout.prefix(40))")
    }

    @Test func latexCompilesForTitlesItsFontsCanPrint() throws {
        let titles = [
            Self.hostileTitle + " Ω, μ and γ ≠ ∞ ∈ ℝ, déjà vu, Łódź, \u{07}bell\ttab\r\n",
            String(repeating: "word ", count: 10_000) + String(repeating: "x", count: 50_000),
        ]
        for title in titles {
            let run = deriveInProcess(["--layers", "1", "--title", title, "--author", "Zoë\n\nÆsop"])
            #expect(run.code == .success, "\(run.stderr)")
            #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"))
            #expect(run.stdout.split(separator: "\n").allSatisfy { $0.utf8.count < 5_000 }, "TeX reads a line into a bounded buffer")
            guard let pdflatex = PDFLaTeX.required() else { continue }
            let result = try PDFLaTeX.compile(run.stdout, with: pdflatex)
            #expect(result.errors.isEmpty, "\(result.errors)")
            #expect(result.producedPDF)
        }
    }

    @Test(arguments: ["Привет", "中文", "😀", "«quoted»"])
    func latexRefusesTitlesItsFontsCannotPrint(_ title: String) {
        let run = deriveInProcess(["--title", "A " + title])
        #expect(run.code == .usage)
        #expect(run.errorLines.first?.contains("LaTeX's default fonts cannot print") == true, "\(run.stderr)")
        #expect(deriveInProcess(["--layers", "1", "--format", "markdown", "--title", title]).code == .success)
    }

    // MARK: - The size guard

    @Test func theSizeEstimateIsAnUpperBound() throws {
        let networks = [["--widths", "3,4,2"], ["--widths", "1,40,1"], ["--widths", "2,12,12,1"], ["--widths", "12,12"]]
        let variants: [[String]] = [
            ["--format", "json"], ["--format", "json", "--json-steps"], ["--format", "json", "--json-steps", "--bias", "--check", "--digits", "17"],
            ["--format", "latex"], ["--format", "markdown"], ["--format", "text"],
            ["--format", "latex", "--exercise", "--bias", "--vectorized", "--digits", "17"],
            ["--format", "markdown", "--exercise", "--blanks", "both", "--notation", "textbook"],
            ["--format", "text", "--check", "--vectorized", "--digits", "17", "--notation", "diagrams"],
            ["--format", "html"], ["--format", "html", "--exercise", "--bias", "--vectorized", "--digits", "17"],
            ["--format", "html", "--check", "--notation", "textbook"],
        ]
        for network in networks {
            for variant in variants {
                let arguments = network + variant
                let run = deriveInProcess(arguments)
                guard run.code == .success else { continue }
                let options = try Options(arguments: arguments)
                let widths = options.widths ?? []
                var parameters = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
                if options.hasBiases { parameters += widths.dropFirst().reduce(0, +) }
                let estimate = DeriveCommand.estimatedSize(widths: widths, parameterCount: parameters, options)
                #expect(estimate >= run.stdout.utf8.count, "FAIL \(run.stdout.utf8.count * 100 / estimate)% \(arguments.joined(separator: " ")): estimated \(estimate), wrote \(run.stdout.utf8.count)")
            }
        }
    }

    @Test(arguments: ["markdown", "html"])
    func classSetsStayWithinTheirEstimate(format: String) throws {
        let directory = try TemporaryDirectory()
        let arguments = ["--widths", "2,6,1", "--exercise", "--students", "3", "--format", format, "--output", directory.path("set") + "/"]
        #expect(deriveInProcess(arguments).code == .success)
        var written = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path("set")) where name.hasSuffix(format == "html" ? ".html" : ".md") {
            written += try Data(contentsOf: URL(fileURLWithPath: directory.path("set/" + name))).count
        }
        let options = try Options(arguments: arguments)
        #expect(DeriveCommand.estimatedSize(widths: [2, 6, 1], parameterCount: 18, copies: 6, options) >= written)
    }
}

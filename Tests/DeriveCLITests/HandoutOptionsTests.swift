import BackpropKit
@testable import DeriveCLI
import Foundation
import TestSupport
import Testing

/// Exercise sheets, class sets, user templates, hand rounding, the gradient check and directory output,
/// through the command.
@Suite struct HandoutOptionsTests {
    @Test func exerciseSheetHasBlanksAndNoAnswers() {
        let run = deriveInProcess(["--exercise", "--format", "text"])
        #expect(run.code == .success)
        #expect(run.stdout.contains("Fill in the blanks"))
        #expect(run.stdout.contains("____"))
        #expect(!run.stdout.contains("ANSWER"), "the key is a file of its own")
        #expect(run.stdout.contains("rounded to 4 significant digits"))
        #expect(!run.stdout.contains("GRADIENT SIZES"), "an exercise must not reveal the gradients")
    }

    /// Each blank is as long as the answer it hides: a four-digit value gets a shorter line than a chain-rule product.
    @Test func blanksAreSizedToTheirAnswers() {
        let sheet = deriveInProcess(["--exercise", "--format", "text"]).stdout
        let lengths = Set(sheet.split(whereSeparator: { $0 != "_" }).map(\.count).filter { $0 >= 4 })
        #expect(lengths.count > 3, "blanks of \(lengths.sorted())")
    }

    @Test(arguments: ["symbolic", "numeric"])
    func blanksOfOneKind(_ kind: String) {
        let run = deriveInProcess(["--exercise", "--blanks", kind, "--layers", "2", "--seed", "3", "--format", "text"])
        #expect(run.code == .success)
        // o_{n-1,1} = σ(0.1033) = 0.5258, the second step of the first layer's forward pass.
        #expect(run.stdout.contains("σ(0.1033) = 0.5258") == (kind == "symbolic"), "symbolic blanks keep the numbers, numeric ones hide them")
        #expect(run.stdout.contains("σ(fₙ₋₁,₁) = _") == (kind == "numeric"), "numeric blanks keep the formulas, symbolic ones hide them")
    }

    /// Written to a file, an exercise sheet brings its key beside it; the sheet gives every weight in a table
    /// and in its picture, and the key fills in what the sheet leaves blank.
    @Test func exerciseSheetWritesItsKeyBesideIt() throws {
        let directory = try TemporaryDirectory()
        let run = deriveInProcess(["--exercise", "--layers", "2", "--seed", "3", "--output", directory.path("sheet.tex")])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(try directory.entries() == ["sheet-key.tex", "sheet.tex"])
        let sheet = try String(contentsOfFile: directory.path("sheet.tex"), encoding: .utf8)
        let key = try String(contentsOfFile: directory.path("sheet-key.tex"), encoding: .utf8)
        #expect(sheet.contains("\\begin{tikzpicture}"), "the sheet draws the network")
        #expect(!sheet.contains("Answer"))
        let network = try NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid], seed: 3).network()
        for weight in network.layers.flatMap({ $0.weights.joined() }) {
            let printed = NumberFormat.roundTrip.string(weight)
            #expect(sheet.contains("$" + printed + "$"), "the weight \(printed) is in a table of the sheet")
        }
        #expect(key.contains("answer key") && key.contains("= 0.5258"), "the key holds o_{n-1,1}, a blank on the sheet")
        #expect(!sheet.contains("= 0.5258"))
        #expect(sheet.components(separatedBy: "Question: write").count - 1 == 2, "one symbolic question per layer")
        #expect(key.contains("\\subsection*{Questions}"))
    }

    /// Each layer's question is the chain rule of its first weight written out to three factors; the key writes them.
    @Test func questionsAnswerWithTheChainRule() {
        let key = deriveInProcess(["--exercise", "--layers", "2", "--seed", "3", "--format", "text", "--answers"]).stdout
        #expect(key.contains("∂δ/∂wₙ₋₁,₁,₁ = ∂δ/∂oₙ,₁ · ∂gₙ(fₙ,₁)/∂fₙ,₁ · oₙ₋₁,₁ = −0.01105"))
        #expect(key.contains("∂δ/∂wₙ₋₂,₁,₁ = ∂δ/∂oₙ₋₁,₁ · ∂gₙ₋₁(fₙ₋₁,₁)/∂fₙ₋₁,₁ · oₙ₋₂,₁ = 0.0003883"))
        let softmax = deriveInProcess(["--exercise", "--widths", "2,3,3", "--activation", "tanh,softmax", "--loss", "categorical-cross-entropy",
                                       "--format", "text"]).stdout
        #expect(softmax.components(separatedBy: "Question: write").count - 1 == 1, "a softmax layer's derivative sums over the layer: no question")
    }

    /// To standard output the sheet comes alone; `--answers` writes its key, the same as the file beside it.
    @Test func answersWritesTheKeyOfTheSameSheet() throws {
        let directory = try TemporaryDirectory()
        let arguments = ["--exercise", "--layers", "2", "--seed", "3", "--format", "markdown"]
        #expect(deriveInProcess(arguments + ["--output", directory.path("sheet.md")]).code == .success)
        let key = deriveInProcess(arguments + ["--answers"])
        #expect(key.code == .success)
        let written = try String(contentsOfFile: directory.path("sheet-key.md"), encoding: .utf8)
        #expect(key.stdout.replacingOccurrences(of: " --answers", with: "") == written)
        #expect(try directory.entries() == ["sheet-key.md", "sheet-network.svg", "sheet.md"])
    }

    @Test func classSetWritesOneSheetPerStudentAndAKey() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent("class").path + "/"
        let run = deriveInProcess(["--exercise", "--students", "12", "--output", folder, "--seed", "5", "--layers", "2"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["key.tex"] + (1...12).map { String(format: "sheet-%02d.tex", $0) })
        let first = try String(contentsOfFile: folder + "sheet-01.tex", encoding: .utf8)
        let second = try String(contentsOfFile: folder + "sheet-02.tex", encoding: .utf8)
        #expect(first.contains("seed 5") && second.contains("seed 6"))
        #expect(first != second)
        let key = try String(contentsOfFile: folder + "key.tex", encoding: .utf8)
        #expect(key.contains("Sheet 1 (seed 5)") && key.contains("Sheet 12 (seed 16)"))
        #expect(!first.contains("Answer") && !second.contains("Answer"), "a student's sheet carries no key")
    }

    /// A focused handout of a 4-12-12-3 network, at four digits, fits on six pages, and its tables give every weight derivative.
    @Test func focusedHandoutOfABigNetworkIsShort() throws {
        let arguments = ["--widths", "4,12,12,3", "--focus", "--digits", "4", "--hand"]
        let latex = deriveInProcess(arguments)
        #expect(latex.code == .success, "\(latex.stderr)")
        let full = deriveInProcess(["--widths", "4,12,12,3", "--digits", "4", "--hand"])
        #expect(latex.stdout.count * 4 < full.stdout.count, "the short handout is a fraction of the full one")
        if let pdflatex = PDFLaTeX.required() {
            let result = try PDFLaTeX.compile(latex.stdout, with: pdflatex)
            #expect(result.status == 0 && result.errors.isEmpty, "\(result.errors)")
            #expect((result.overfullWidths.max() ?? 0) <= 10, "a table runs into the margin")
            let pages = result.log.components(separatedBy: "Output written on ").last?.split(separator: "(").dropFirst().first?
                .split(separator: " ").first.flatMap { Int($0) }
            #expect((pages ?? 99) <= 6, "\(pages ?? 0) pages")
        }
        let text = deriveInProcess(arguments + ["--format", "text"]).stdout
        let network = try NetworkBlueprint(widths: [4, 12, 12, 3], activations: [.sigmoid, .sigmoid, .sigmoid]).network()
        let backpropagation = try Backpropagation(network: network, rounding: Rounding(significantDigits: 4))
        let figure = NumberFormat(significantDigits: 4)
        for gradients in backpropagation.layers {
            // Below 10⁻³ a number is printed with a power of ten, which the text spells in superscripts.
            for value in gradients.weightGradient.joined() where abs(value) >= 1e-3 {
                #expect(text.contains(figure.string(value).replacingOccurrences(of: "-", with: "−")), "∂δ/∂w = \(value) is in a table")
            }
        }
    }

    @Test func directoryOutputWritesTheHandoutInside() throws {
        let directory = try TemporaryDirectory()
        let run = deriveInProcess(["--output", directory.url.path, "--format", "markdown"])
        #expect(run.code == .success, "\(run.stderr)")
        let handout = try String(contentsOfFile: directory.url.appendingPathComponent("handout.md").path, encoding: .utf8)
        #expect(handout.hasPrefix("# "))
    }

    @Test func userTemplateFramesTheDerivation() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("mine.md").path
        try "MY HEADER {{title}}\n{{body}}\nMY FOOTER\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = deriveInProcess(["--template", path, "--format", "markdown", "--title", "T*"])
        #expect(run.code == .success)
        #expect(run.stdout.hasPrefix("MY HEADER T\\*\n"))
        #expect(run.stdout.hasSuffix("MY FOOTER\n"))
    }

    @Test func templateWithoutBodyIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("mine.tex").path
        try "\\documentclass{article}{{title}}".write(toFile: path, atomically: true, encoding: .utf8)
        let run = deriveInProcess(["--template", path])
        #expect(run.code == .dataError)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines == ["Error: template '\(path)' has no {{body}} placeholder for the derivation"])
        #expect(deriveInProcess(["--template", path + ".missing"]).code == .noInput)
    }

    @Test(arguments: [
        (["--hand"], "'--hand' needs '--digits <d>'"),
        (["--blanks", "numeric"], "'--blanks' needs '--exercise'"),
        (["--students", "3"], "'--students' needs '--exercise'"),
        (["--exercise", "--students", "3"], "needs '--output <directory>'"),
        (["--exercise", "--format", "json"], "'--exercise' applies to the latex, markdown, html and text formats"),
        (["--template", "x.tex", "--format", "text"], "'--template' applies to the latex, markdown and html formats"),
        (["--check", "--widths", "200,200,1"], "'--check' covers at most 20000 weights and biases"),
        (["--exercise", "--students", "1001", "--output", "x/"], "expected at most 1000"),
    ])
    func misusedHandoutOptions(_ arguments: [String], _ message: String) {
        let run = deriveInProcess(arguments)
        #expect(run.code == .usage)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.first?.contains(message) == true, "\(run.stderr)")
    }

    @Test func checkAndHandAppearInTheHandout() {
        let run = deriveInProcess(["--check", "--digits", "3", "--hand", "--format", "markdown"])
        #expect(run.code == .success)
        #expect(run.stdout.contains("## Gradient check"))
        #expect(run.stdout.contains("rounded to 3 significant digits"))
    }
}

@testable import BackpropKit
@testable import BackpropRendering
import TestSupport
import Testing

/// The HTML page: well-formed (read by an XML parser), every formula MathML with its `alttext`, one heading
/// hierarchy, titled pictures, and on an exercise sheet an input for every blank value holding its answer.
@Suite struct HTMLFormatterTests {
    @Test(arguments: SnapshotNetwork.allCases)
    func networkPageIsWellFormedAndAccessible(_ network: SnapshotNetwork) throws {
        try Self.expectWellFormedPage(HTMLFormatter().string(try network.handout()))
    }

    @Test(arguments: GraphExample.allCases)
    func graphPageIsWellFormedAndAccessible(_ example: GraphExample) throws {
        try Self.expectWellFormedPage(HTMLFormatter().string(try example.handout()))
    }

    @Test func classKeyIsWellFormedAndAccessible() throws {
        let sheets = try [SnapshotNetwork.exercise, .exercise].enumerated().map { index, network in
            (title: "Sheet \(index + 1)", derivation: try network.derivation())
        }
        let key = Handout(.classKey(sheets), notation: SnapshotNetwork.exercise.notation, numbers: SnapshotNetwork.exercise.numbers)
        let page = HTMLFormatter().string(key)
        try Self.expectWellFormedPage(page)
        #expect(page.contains("<hr class=\"page-break\"/>"))
    }

    /// Each blank value is an input holding the step's value and half a unit of its fourth significant digit;
    /// every step with blanks has its answer in a closed `<details>`; formula blanks are boxes.
    @Test func exerciseBlanksAreInputsWithTheirAnswers() throws {
        let network = SnapshotNetwork.exercise
        let derivation = try network.derivation()
        let page = XMLOutline(HTMLFormatter().string(try network.handout()))
        let blankValues = derivation.sections.flatMap(\.printedSteps).filter { $0.blanks.contains(.value) }.map(\.value)
        let inputs = page.elements(named: "input")
        #expect(!blankValues.isEmpty && inputs.count == blankValues.count)
        for (input, value) in zip(inputs, blankValues) {
            let answer = try #require(input.attributes["data-answer"].flatMap(Double.init))
            let tolerance = try #require(input.attributes["data-tolerance"].flatMap(Double.init))
            #expect(answer == value)
            let digits = try #require(network.numbers.significantDigits)
            #expect(tolerance == Self.halfUnit(of: value, digits: digits), "\(value)")
            #expect(input.attributes["aria-label"]?.hasPrefix("value of ") == true)
        }
        let answers = page.elements(named: "details").filter { $0.attributes["class"] == "answer" }
        // Each step with a blank has its answer, and so has each layer's symbolic question (none for softmax).
        let questions = derivation.network.layers.filter { !$0.activation.couplesNeurons }.count
        #expect(answers.count == derivation.sections.flatMap(\.printedSteps).filter { !$0.blanks.isEmpty }.count + questions)
        #expect(answers.allSatisfy { $0.attributes["open"] == nil })
        #expect(!page.elements(named: "mspace").filter { $0.attributes["class"] == "blank" }.isEmpty)
    }

    /// Every layer colour has its class, and a shade for the light page, the dark page and print.
    @Test func templateColoursEveryLayer() {
        let page = EmbeddedTemplates.handoutHTML
        for color in LayerPalette.colors {
            #expect(page.contains(".layer-\(color) { color: var(--layer-\(color)); }"), "\(color)")
            #expect(page.components(separatedBy: "--layer-\(color): #").count == 4, "\(color) in light, dark and print")
        }
    }

    @Test func userTemplateFramesThePage() throws {
        let template = Template(text: "<html lang=\"de\"><body><h1>{{title}}</h1>{{byline}}{{body}}</body></html>")
        var info = HandoutInfo(title: "A & B", author: "Ada")
        info.date = "today"
        let handout = Handout(.network(try SnapshotNetwork.note.derivation()), info: info, notation: SnapshotNetwork.note.notation)
        let page = HTMLFormatter(options: .init(template: template)).string(handout)
        #expect(page.hasPrefix("<html lang=\"de\"><body><h1>A &amp; B</h1><p class=\"byline\">Ada, today</p><section>"))
        #expect(page.hasSuffix("</section>\n</body></html>"))
    }

    /// The page of a network twice as wide is about twice as long: the work grows with the weights.
    @Test func pageGrowsLinearlyWithTheWeights() throws {
        func length(width: Int) throws -> Int {
            let network = try NetworkBlueprint(widths: [width, width, 1], activations: [.sigmoid, .sigmoid]).network()
            return HTMLFormatter().string(Handout(.network(try Derivation(network: network)), notation: NoteNotation(depth: 2))).utf8.count
        }
        let small = try length(width: 6), large = try length(width: 12)
        // 6·6 + 6 = 42 weights against 12·12 + 12 = 156.
        #expect(Double(large) / Double(small) < 156.0 / 42.0 * 1.1)
    }

    // MARK: - Helpers

    /// Half a unit of the last of `digits` significant digits of `value`.
    static func halfUnit(of value: Double, digits: Int) -> Double {
        var place = 1.0
        while place * 10 <= Swift.abs(value) { place *= 10 }
        while place > Swift.abs(value) && value != 0 { place /= 10 }
        for _ in 1..<digits { place /= 10 }
        return place / 2
    }

    /// Checks that `page` parses as XML, declares its language, nests its headings one level at a time under
    /// one `<h1>`, gives every formula an `alttext` and every picture a `<title>`.
    static func expectWellFormedPage(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outline = XMLOutline(page)
        #expect(outline.error == nil, "\(outline.error ?? "")", sourceLocation: sourceLocation)
        #expect(outline.elements.first?.name == "html" && outline.elements.first?.attributes["lang"] == "en", sourceLocation: sourceLocation)
        let levels = outline.elements.compactMap { element in
            element.name.count == 2 && element.name.hasPrefix("h") ? Int(element.name.dropFirst()) : nil
        }
        #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, sourceLocation: sourceLocation)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "a heading h\(next) after h\(previous)", sourceLocation: sourceLocation)
        }
        let formulas = outline.elements(named: "math")
        #expect(!formulas.isEmpty, sourceLocation: sourceLocation)
        for math in formulas {
            #expect(!(math.attributes["alttext"] ?? "").isEmpty, sourceLocation: sourceLocation)
            #expect(!math.ancestors.contains("math"), sourceLocation: sourceLocation)
        }
        for element in outline.elements where MathMLMathTests.arity[element.name] != nil {
            #expect(element.childCount == MathMLMathTests.arity[element.name], "\(element.name)", sourceLocation: sourceLocation)
        }
        let ids = outline.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "ids are unique", sourceLocation: sourceLocation)
        let svgs = outline.elements(named: "svg")
        #expect(svgs.count == outline.elements(named: "title").filter { $0.ancestors.last == "svg" }.count, sourceLocation: sourceLocation)
        #expect(outline.elements.allSatisfy { !["img", "link", "iframe", "object"].contains($0.name) && $0.attributes["src"] == nil },
                "the page loads nothing", sourceLocation: sourceLocation)
    }
}

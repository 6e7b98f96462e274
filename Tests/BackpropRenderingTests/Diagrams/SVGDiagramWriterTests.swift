import BackpropKit
@testable import BackpropRendering
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The SVG documents: well-formed XML whatever the names, self-contained, with scripts set as raised and lowered text.
@Suite struct SVGDiagramWriterTests {
    @Test(arguments: NetworkDiagramTests.pictures)
    func writesWellFormedXML(_ network: DiagramNetwork, _ kind: DiagramKind) throws {
        var svg = ""
        SVGDiagramWriter().write(try network.diagram(kind), to: &svg)
        let document = try #require(XMLDocumentSummary(svg))
        #expect(document.root == "svg")
        #expect(document.elements["title"] == 1)
        #expect((document.elements["text"] ?? 0) > 5)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 "))
        // Nothing outside the file: no links, images, scripts or style sheets.
        for external in ["href", "<image", "<script", "@import", "url(http"] {
            #expect(!svg.contains(external))
        }
    }

    @Test(arguments: LegendNotation.allCases)
    func writesWellFormedXMLInEveryNotation(_ notation: LegendNotation) throws {
        for kind in DiagramKind.allCases {
            var svg = ""
            SVGDiagramWriter().write(NetworkDiagram(derivation: try DiagramNetwork.note.derivation(), notation: notation.notation, kind: kind), to: &svg)
            #expect(XMLDocumentSummary(svg) != nil, "\(kind)")
        }
    }

    @Test func drawsArrowheadsAsMarkersOfTheEdgesColours() throws {
        var svg = ""
        SVGDiagramWriter().write(try DiagramNetwork.note.diagram(.backwardPass), to: &svg)
        // The shades of layers n, n-1 and n-2, and the grey of the arrows into the inputs.
        for color in ["003cdc", "be0000", "006969", "808080"] {
            #expect(svg.contains("<marker id=\"arrow-\(color)\""))
            #expect(svg.contains("marker-end=\"url(#arrow-\(color))\""))
        }
    }

    @Test func escapesHostileNames() throws {
        var svg = ""
        let diagram = NetworkDiagram(derivation: try DiagramNetwork.note.derivation(), notation: HostileNotation(), kind: .network)
        SVGDiagramWriter().write(diagram, to: &svg)
        let document = try #require(XMLDocumentSummary(svg))
        #expect(document.text.contains("<script>&\"'\u{FFFD}"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;&amp;&quot;&apos;"))
    }

    @Test func setsScriptsAsLoweredAndRaisedText() {
        var text = ""
        SVGMath().write(SymbolName("z", subscripts: ["j"], superscript: "(k-1)"), to: &text)
        text += " = " + SVGMath().scientific("2", exponent: -5)
        #expect(ScriptRun.runs(of: text) == [
            ScriptRun(text: "z", scripts: []), ScriptRun(text: "(k−1)", scripts: [.sup]), ScriptRun(text: "j", scripts: [.sub]),
            ScriptRun(text: " = 2×10", scripts: []), ScriptRun(text: "−5", scripts: [.sup]),
        ])
        #expect(ScriptRun.runs(of: "a, b") == [ScriptRun(text: "a, b", scripts: [])])
    }

    @Test(arguments: LegendNotation.allCases)
    func writesScriptsAsTspansInEveryNotation(_ notation: LegendNotation) throws {
        for kind in DiagramKind.allCases {
            var svg = ""
            let diagram = NetworkDiagram(derivation: try DiagramNetwork.softmax.derivation(), notation: notation.notation, kind: kind)
            SVGDiagramWriter().write(diagram, to: &svg)
            let text = try #require(XMLDocumentSummary(svg)).text
            #expect(!text.contains("^") && !text.contains("_("), "\(kind): no scripts spelled out")
            // The pictures whose legends name indexed quantities set their scripts smaller.
            if kind == .network || DiagramKind.fourDiagrams.contains(kind) {
                #expect(svg.contains("font-size=\"8.86\">"), "\(kind): scripts set smaller")
            }
        }
    }

    @Test func titlesThePictureInUnicode() throws {
        #expect(SVGDiagramWriter().caption(of: try DiagramNetwork.note.diagram(.forwardNode)) == "Forward propagation through oₙ₋₁,₁")
    }
}

/// A notation whose names hold every character XML and LaTeX treat specially.
struct HostileNotation: Notation {
    func name(of symbol: Symbol) -> SymbolName { SymbolName("<script>&\"'\u{1}", subscripts: ["1"]) }
    func name(of function: Function) -> SymbolName { SymbolName("</svg>") }
    func layerLabel(_ layer: Int) -> String { "<\(layer)&>" }
    func matrixName(of quantity: MatrixQuantity) -> SymbolName? { nil }
}

/// What an XML parser makes of a document: its root element, how many of each element, and its text.
struct XMLDocumentSummary {
    let root: String
    let elements: [String: Int]
    let text: String

    /// The summary of `xml`, or `nil` when it does not parse.
    init?(_ xml: String) {
        let parser = XMLParser(data: Data(xml.utf8))
        let delegate = Collector()
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else { return nil }
        self.root = root
        elements = delegate.elements
        text = delegate.text
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: String?
        var elements: [String: Int] = [:]
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            elements[name, default: 0] += 1
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}

import BackpropKit
import BackpropRendering
import Testing

/// A new format is one new type: this outline format overrides two visits, headings and equations, and
/// every other block falls to the protocol's defaults.
@Suite struct ToyFormatterTests {
    /// Writes each heading indented by its level and counts the equations under it.
    struct OutlineFormatter: HandoutFormatter {
        mutating func begin(_ handout: Handout) -> [String] { ["", ""] }

        mutating func visitHeading(_ heading: Heading, to output: inout some TextOutputStream) {
            let words = heading.title.map { phrase -> String in
                switch phrase {
                case .text(let text), .layer(let text), .code(let text): return text
                case .math, .equation, .matrix: return "…"
                }
            }
            output.write(String(repeating: "  ", count: heading.level - 1) + words.joined() + "\n")
        }

        mutating func visitParagraph(_ phrases: [Phrase], to output: inout some TextOutputStream) {}

        mutating func visitEquations(_ steps: [Step], to output: inout some TextOutputStream) {
            output.write("    \(steps.count) equations\n")
        }
    }

    @Test func outlinesTheNoteNetwork() throws {
        let network = try NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid]).network()
        let handout = Handout(.network(try Derivation(network: network)), notation: NoteNotation(depth: 3))
        let outline = OutlineFormatter().string(handout)
        let lines = outline.split(separator: "\n").map(String.init)
        #expect(lines.prefix(7) == ["Notation", "The network", "    3 equations", "Forward pass", "  Layer n-2", "    4 equations", "  Layer n-1"])
        #expect(lines.contains("    Derivatives used in layer n-2 (multivariable chain rule)"))
        #expect(lines.suffix(2) == ["Gradient sizes by layer", "The algorithm"], "the table under it falls to the default visit, which writes nothing")
        #expect(!outline.contains("tikz") && !outline.contains("$"))
    }
}
